package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reelforge.cost.CostLedger;
import org.reelforge.media.Assembler;
import org.reelforge.media.ClipInspector;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.Transcriber;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.wire.CaptionWordsDocument;
import org.reelforge.wire.Json;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.Block;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.EventType;
import org.reelforge.video.Mode;
import org.reelforge.video.OutputOptions;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.TimedWord;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * The assembly step (SPEC §5): every clip checked on disk first (one lost or damaged since it was made is fetched again
 * from the provider, not paid again), then the successful clips in block order → the joined speech → word timings
 * (the voice-over's own in narrated mode, the transcriber's otherwise) → captions → final.mp4 in one encode →
 * thumbnail. Blocks without a clip are skipped; their text is not captioned. A person's corrected caption words are
 * burned instead of the transcription while the clips they were timed on stay.
 */
final class AssemblyStep {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssemblyStep.class);
    private final Assembler assembler;
    private final Transcriber transcriber;
    private final CaptionWriter captions;
    private final MusicPicker music;
    private final AudioStep audio;
    private final Artifacts artifacts;
    private final ClipInspector inspector;
    private final CostLedger ledger;
    private final Clock clock;

    AssemblyStep(MediaTools media, Transcriber transcriber, AudioStep audio, Artifacts artifacts, CostLedger ledger,
                 Clock clock) {
        this.assembler = media.assembler();
        this.transcriber = transcriber;
        this.captions = media.captions();
        this.music = media.music();
        ClipInspector inspector = media.inspector();
        this.audio = audio;
        this.artifacts = artifacts;
        this.inspector = inspector;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Works in this node's folder kept for the video's assembly, where the clips step prepared each block's sound as
     * it arrived; the folder goes once the video is delivered.
     */
    StepOutcome run(VideoRun run, Engine.Checkpoint checkpoint) {
        StepOutcome outcome = run(run, checkpoint, artifacts.kept(run.id(), "assembly"));
        if (run.video().status() == VideoStatus.COMPLETED) {
            artifacts.forget(run.id(), "assembly");
        }
        return outcome;
    }

    private StepOutcome run(VideoRun run, Engine.Checkpoint checkpoint, Path work) {
        Script script = run.requireScript();
        if (refetchDamaged(run, work)) {
            return StepOutcome.done();
        }
        run.update(run.video().markRunning(Step.ASSEMBLY, VideoStatus.ASSEMBLING, clock.instant()),
                EventType.ASSEMBLY_STARTED, "Assembling, transcribing and captioning");
        checkpoint.commit(run);
        List<Assembler.Input> inputs = inputs(run, script, work);
        Assembler.Joined joined = assembler.joinAudio(inputs, work);
        List<ProviderCall> calls = new ArrayList<>();
        List<Video.SpeechMatch> speech = new ArrayList<>();
        String basis = basis(run);
        Optional<List<TimedWord>> corrected = correctedWords(run, basis);
        List<TimedWord> words = corrected.isPresent() ? corrected.get()
                : run.video().request().mode() == Mode.NARRATED ? voiceOverWords(run, inputs, joined)
                : transcribe(run, script, inputs, joined, calls, speech);
        OutputOptions output = run.video().request().output();
        Path ass = work.resolve("captions.ass");
        Path srt = work.resolve("captions.srt");
        captions.write(words, new CaptionWriter.Captioning(output.captions(), output.aspect(),
                run.video().request().language(), emphasis(script, inputs)), joined.totalMillis(), ass, srt);
        Path finalVideo = work.resolve("final.mp4");
        Assembler.Look look = new Assembler.Look(output.aspect(), output.captions().style() != CaptionLook.NONE,
                music.pick(output.music(), run.id()).orElse(null));
        Assembler.Rendered r = assembler.render(inputs, joined, ass, look, finalVideo, work);
        Path thumbnail = work.resolve("thumbnail.jpg");
        assembler.thumbnail(finalVideo, thumbnail);
        artifacts.store().put(ArtifactKey.captionsAss(run.id()), ass);
        artifacts.store().put(ArtifactKey.captionsSrt(run.id()), srt);
        artifacts.store().put(ArtifactKey.thumbnail(run.id()), thumbnail);
        artifacts.store().put(ArtifactKey.finalVideo(run.id()), finalVideo);
        if (corrected.isEmpty()) {
            artifacts.putText(ArtifactKey.captionWords(run.id()), Json.write(CaptionWordsDocument.of(basis, words, false)));
        }
        complete(run, script, inputs, r, calls, speech);
        return StepOutcome.done();
    }

    /** The words of the blocks' spoken text that the script stresses. */
    private static List<String> emphasis(Script script, List<Assembler.Input> inputs) {
        List<String> words = new ArrayList<>();
        for (Assembler.Input i : inputs) {
            words.addAll(script.block(i.blockIndex()).emphasis());
        }
        return words;
    }

    /**
     * What the caption words are timed on: each delivered block with the clip it uses. A person's correction made on
     * another basis (a block was made again since) no longer fits and is not used.
     */
    static String basis(VideoRun run) {
        StringBuilder b = new StringBuilder();
        for (ClipOperation c : run.clipsIn(ClipStatus.SUCCESS)) {
            b.append(c.blockIndex()).append(':').append(c.digest()).append('@').append(c.updatedAt().toEpochMilli()).append(';');
        }
        return b.toString();
    }

    private Optional<List<TimedWord>> correctedWords(VideoRun run, String basis) {
        Optional<String> json = artifacts.readText(ArtifactKey.editedCaptions(run.id()));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        CaptionWordsDocument doc = Json.read(json.get(), CaptionWordsDocument.class);
        if (!basis.equals(doc.basis())) {
            LOG.info("{}: the clips changed since the captions were corrected; they are timed again", run.id());
            return Optional.empty();
        }
        return Optional.of(doc.toWords(Long.MAX_VALUE));
    }

    /**
     * Brings every clip into the work folder and looks at it: one lost or damaged since it was made goes back to its
     * operation to be fetched again (the clips step runs first). Returns true when that happened.
     */
    private boolean refetchDamaged(VideoRun run, Path work) {
        Instant now = clock.instant();
        boolean any = false;
        for (ClipOperation c : run.clipsIn(ClipStatus.SUCCESS)) {
            Path local = clipFile(work, c.blockIndex());
            ClipInspector.Inspection seen = artifacts.fetchUnlessPresent(ArtifactKey.clip(run.id(), c.blockIndex()), local)
                    ? inspector.look(local) : ClipInspector.Inspection.bad("the file is missing");
            if (!seen.usable()) {
                run.saveClip(c.markRefetching("the clip file is unusable (" + seen.problem() + ")", now),
                        EventType.CLIP_REFETCHED, "Block " + c.blockIndex() + ": the clip file is unusable (" + seen.problem()
                                + "); fetching it again from the provider", List.of(), now);
                any = true;
            }
        }
        if (any) {
            run.touch(run.video().markClipsReopened(now));
            run.restartAssemblyWait();
        }
        return any;
    }

    private static Path clipFile(Path work, int block) {
        return work.resolve("block_" + block + ".mp4");
    }

    /** The clips (fetched by {@link #refetchDamaged}) and, narrated, the voice-overs, in block order. */
    private List<Assembler.Input> inputs(VideoRun run, Script script, Path work) {
        boolean narrated = run.video().request().mode() == Mode.NARRATED;
        List<Assembler.Input> inputs = new ArrayList<>();
        for (ClipOperation c : run.clipsIn(ClipStatus.SUCCESS)) {
            Block b = script.block(c.blockIndex());
            Path voice = null;
            if (narrated) {
                voice = work.resolve("voice_" + b.index() + ".wav");
                if (!artifacts.fetchUnlessPresent(ArtifactKey.voiceOver(run.id(), b.index()), voice)) {
                    throw new IllegalStateException("the voice-over of block " + b.index() + " of " + run.id() + " is missing");
                }
            }
            inputs.add(new Assembler.Input(b.index(), clipFile(work, b.index()), c.resultOffsetMillis(),
                    b.durationSeconds() * 1000L, voice));
        }
        return inputs;
    }

    private void complete(VideoRun run, Script script, List<Assembler.Input> inputs, Assembler.Rendered r,
                          List<ProviderCall> calls, List<Video.SpeechMatch> speech) {
        Instant now = clock.instant();
        List<Integer> used = inputs.stream().map(Assembler.Input::blockIndex).toList();
        List<Integer> missing = script.blocks().stream().map(Block::index).filter(i -> !used.contains(i)).toList();
        Video.Delivered delivered = new Video.Delivered(r.durationMillis(), inputs.size(), missing, r.integratedLufs(), speech);
        run.book(ledger.spent(run.id(), calls, now));
        AssemblyTracking.Status rule = run.tracking().filter(t -> !t.isWaiting()).map(AssemblyTracking::status)
                .orElse(missing.isEmpty() ? AssemblyTracking.Status.COMPLETED : AssemblyTracking.Status.ABANDONED_ASSEMBLY);
        AssemblyTracking t = run.tracking()
                .orElseGet(() -> AssemblyTracking.firstSeen(run.id(), script.blocks().size(), inputs.size(), now));
        run.saveTracking(t.markAssembled(rule, inputs.size(), now));
        run.update(run.video().markCompleted(delivered, now), EventType.COMPLETED, String.format(Locale.ROOT,
                "final.mp4 ready: %d of %d blocks, %.1f s, %.1f LUFS, rendered in %.1f s", inputs.size(),
                script.blocks().size(), r.durationMillis() / 1000.0, r.integratedLufs(), r.renderMillis() / 1000.0));
    }

    private List<TimedWord> voiceOverWords(VideoRun run, List<Assembler.Input> inputs, Assembler.Joined joined) {
        List<TimedWord> words = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long start = joined.startsMillis().get(i);
            long end = start + inputs.get(i).durationMillis();
            for (TimedWord w : audio.words(run.id(), inputs.get(i).blockIndex())) {
                TimedWord shifted = w.shift(start);
                words.add(shifted.endMillis() <= end ? shifted
                        : new TimedWord(w.text(), Math.min(shifted.startMillis(), end), end));
            }
        }
        return words;
    }

    private List<TimedWord> transcribe(VideoRun run, Script script, List<Assembler.Input> inputs, Assembler.Joined joined,
                                       List<ProviderCall> calls, List<Video.SpeechMatch> speech) {
        List<Transcriber.Segment> segments = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long start = joined.startsMillis().get(i);
            Block b = script.block(inputs.get(i).blockIndex());
            segments.add(new Transcriber.Segment(b.spokenText(), start, start + inputs.get(i).durationMillis()));
        }
        Transcriber.Transcript t = transcriber.transcribe(joined.audio(), run.video().request().language(), segments);
        calls.add(t.call());
        for (Transcriber.SegmentMatch m : t.segments()) {
            if (m.segment() >= 0 && m.segment() < inputs.size()) {
                speech.add(new Video.SpeechMatch(inputs.get(m.segment()).blockIndex(), m.confidence(), m.heard()));
            }
        }
        return t.words();
    }
}

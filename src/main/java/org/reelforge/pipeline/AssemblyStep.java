package org.reelforge.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reelforge.media.Assembler;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.Transcriber;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.Block;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.TimedWord;
import org.reelforge.video.Video;

/**
 * The assembly step (SPEC §5): the successful clips in block order → the joined speech → word timings
 * (the voice-over's own in narrated mode, the transcriber's otherwise) → captions → final.mp4 in one
 * encode → thumbnail. Blocks without a clip are skipped; their text is not captioned.
 */
final class AssemblyStep {
    private final Assembler assembler;
    private final Transcriber transcriber;
    private final CaptionWriter captions;
    private final AudioStep audio;
    private final ArtifactStore artifacts;

    AssemblyStep(Assembler assembler, Transcriber transcriber, CaptionWriter captions, AudioStep audio,
                 ArtifactStore artifacts) {
        this.assembler = assembler;
        this.transcriber = transcriber;
        this.captions = captions;
        this.audio = audio;
        this.artifacts = artifacts;
    }

    /** What the assembly produced and cost. */
    record Result(Assembler.Rendered rendered, int clips, List<ProviderCall> calls) {
    }

    Result run(Video video, Script script, List<ClipOperation> clips) {
        boolean narrated = video.request().mode() == Mode.NARRATED;
        List<ClipOperation> usable = clips.stream().filter(c -> c.status() == ClipStatus.SUCCESS).toList();
        List<Assembler.Input> inputs = new ArrayList<>();
        for (ClipOperation c : usable) {
            Block b = script.block(c.blockIndex());
            inputs.add(new Assembler.Input(b.index(), artifacts.clip(video.id(), b.index()), c.resultOffsetMillis(),
                    b.durationSeconds() * 1000L, narrated ? artifacts.voiceOver(video.id(), b.index()) : null));
        }
        Path work = artifacts.work(video.id(), "assembly");
        Assembler.Joined joined = assembler.joinAudio(inputs, work);
        List<ProviderCall> calls = new ArrayList<>();
        List<TimedWord> words = narrated ? voiceOverWords(video, inputs, joined)
                : transcribe(video, script, inputs, joined, calls);
        captions.write(words, joined.totalMillis(), artifacts.captionsAss(video.id()), artifacts.captionsSrt(video.id()));
        Assembler.Rendered rendered = assembler.render(inputs, joined, artifacts.captionsAss(video.id()),
                artifacts.finalVideo(video.id()), work);
        assembler.thumbnail(artifacts.finalVideo(video.id()), artifacts.thumbnail(video.id()));
        artifacts.deleteTree(work);
        return new Result(rendered, inputs.size(), calls);
    }

    private List<TimedWord> voiceOverWords(Video video, List<Assembler.Input> inputs, Assembler.Joined joined) {
        List<TimedWord> words = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long start = joined.startsMillis().get(i);
            long end = start + inputs.get(i).durationMillis();
            for (TimedWord w : audio.words(video, inputs.get(i).blockIndex())) {
                TimedWord shifted = w.shift(start);
                words.add(shifted.endMillis() <= end ? shifted
                        : new TimedWord(w.text(), Math.min(shifted.startMillis(), end), end));
            }
        }
        return words;
    }

    private List<TimedWord> transcribe(Video video, Script script, List<Assembler.Input> inputs, Assembler.Joined joined,
                                       List<ProviderCall> calls) {
        List<Transcriber.Segment> segments = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long start = joined.startsMillis().get(i);
            Block b = script.block(inputs.get(i).blockIndex());
            segments.add(new Transcriber.Segment(b.spokenText(), start, start + inputs.get(i).durationMillis()));
        }
        Transcriber.Transcript t = transcriber.transcribe(joined.audio(), video.request().language(), segments);
        calls.add(t.call());
        return t.words();
    }
}

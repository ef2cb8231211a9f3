package org.reelforge.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.reelforge.media.MediaException;
import org.reelforge.video.BlockMedia;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.TimedWord;
import org.reelforge.wire.CaptionWordsDocument;
import org.reelforge.wire.Json;

import java.time.Instant;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.video.Block;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.Mode;
import org.reelforge.video.ConflictException;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.RunActions;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;

/**
 * What a person can do to a video (CLI, API): retry, resume, cancel, reset an abandoned clip, re-roll or edit a block,
 * approve or replace the script under review, delete. Each action is one change of the video's run
 * ({@link RunActions}) saved in one versioned transaction, then a run is queued. An action that meets a concurrent
 * change (a worker, another person) is a {@link ConflictException} carrying the video as it now is — never a 5xx.
 */
public final class VideoControl {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Engine engine;
    private final ArtifactStore artifacts;

    public VideoControl(Engine engine, ArtifactStore artifacts) {
        this.engine = engine;
        this.artifacts = artifacts;
    }

    public VideoRun run(VideoId id) {
        return engine.runs().load(id).orElseThrow(() -> new NotFoundException("No video " + id));
    }

    /** A failed or cancelled video runs again from the step after its last success; abandoned clips get a new chance. */
    public Video retry(VideoId id) {
        return act(id, (run, now) -> RunActions.retry(run, now), true);
    }

    /** An unfinished video continues from its last successful step (after a crash, or by hand). */
    public Video resume(VideoId id) {
        return act(id, (run, now) -> RunActions.resume(run, now), true);
    }

    public Video cancel(VideoId id) {
        return act(id, (run, now) -> RunActions.cancel(run, now), false);
    }

    /** retry_count back to 0 on an abandoned clip; the engine relaunches it. */
    public Video resetClip(VideoId id, int block) {
        return act(id, (run, now) -> RunActions.resetClip(run, block, now), true);
    }

    /**
     * Re-rolls one block: a new generation of that clip, then a new assembly; the other clips are reused. A narrated
     * block whose voice-over was dropped (its text changed) gets its voice again first.
     */
    public Video regenerateBlock(VideoId id, int block) {
        return act(id, (run, now) -> {
            RunActions.regenerate(run, block, now);
            if (run.video().request().mode() == Mode.NARRATED && !artifacts.exists(ArtifactKey.voiceOver(id, block))) {
                run.touch(run.video().markReopenedAfter(CompletedStep.SCRIPT_ADAPTED, now));
            }
        }, true);
    }

    /**
     * Changes one block's texts (a finished video, or one under review); {@link #regenerateBlock} makes its clip again.
     * In narrated mode a changed spoken line also drops that block's voice-over, which the next run makes again.
     */
    public Video editBlock(VideoId id, Block edited) {
        return act(id, (run, now) -> {
            boolean newSpeech = run.video().request().mode() == Mode.NARRATED
                    && !run.requireScript().block(edited.index()).spokenText().equals(edited.spokenText());
            RunActions.editBlock(run, edited, now);
            if (newSpeech) {
                artifacts.delete(ArtifactKey.voiceOver(id, edited.index()));
                artifacts.delete(ArtifactKey.voiceWords(id, edited.index()));
            }
        }, false);
    }

    /**
     * Uses the person's file for one block instead of a generated clip: checked to be a video or picture ffmpeg reads,
     * kept with the video's files, then set on the block ({@link RunActions#setMedia}). A file replaced or removed is
     * deleted.
     *
     * @throws InvalidRequestException naming {@code media} when the file is neither a video nor a picture
     */
    public Video attachMedia(VideoId id, int block, Path file, String name, boolean keepSound) {
        Block current = script(id).block(block);
        BlockMedia.Kind kind;
        try {
            kind = engine.media().ownClips().kindOf(file);
        } catch (MediaException e) {
            throw new InvalidRequestException("media", "must be a video or a picture ffmpeg can read ("
                    + firstLine(e.getMessage()) + ")");
        }
        BlockMedia media = new BlockMedia(newMediaId(), kind, name, keepSound);
        artifacts.put(ArtifactKey.media(id, media.id()), file);
        Video v;
        try {
            v = act(id, (run, now) -> RunActions.setMedia(run, block, media, now), false);
        } catch (RuntimeException e) {
            artifacts.delete(ArtifactKey.media(id, media.id()));
            throw e;
        }
        if (current.media() != null) {
            artifacts.delete(ArtifactKey.media(id, current.media().id()));
        }
        return v;
    }

    /** The block is made by the clip model again; the person's file is deleted. */
    public Video detachMedia(VideoId id, int block) {
        Block current = script(id).block(block);
        Video v = act(id, (run, now) -> RunActions.setMedia(run, block, null, now), false);
        if (current.media() != null) {
            artifacts.delete(ArtifactKey.media(id, current.media().id()));
        }
        return v;
    }

    /**
     * The caption words of a completed video as burned in: the person's correction while it still fits the clips,
     * else the last assembly's timing.
     */
    public CaptionWordsDocument captionWords(VideoId id) {
        VideoRun run = run(id);
        String basis = AssemblyStep.basis(run);
        Optional<CaptionWordsDocument> edited = text(ArtifactKey.editedCaptions(id))
                .filter(d -> basis.equals(d.basis()));
        if (edited.isPresent()) {
            return new CaptionWordsDocument(null, edited.get().words(), true);
        }
        CaptionWordsDocument timed = text(ArtifactKey.captionWords(id)).orElseThrow(() -> new ConflictException(
                "video " + id + " has no captions yet (it is " + run.video().status().wireName() + ")", run.video()));
        return new CaptionWordsDocument(null, timed.words(), false);
    }

    /**
     * Burns the person's corrected caption words into a completed video: they are kept with its files and the video is
     * assembled again, without transcribing or paying anything. They stay until a block is made again.
     */
    public Video editCaptions(VideoId id, CaptionWordsDocument words) {
        VideoRun run = run(id);
        long millis = run.video().delivered() == null ? Long.MAX_VALUE : run.video().delivered().durationMillis() + 500;
        List<TimedWord> checked = words.toWords(millis);
        if (run.video().status() != org.reelforge.video.VideoStatus.COMPLETED) {
            throw new ConflictException("video " + id + " is " + run.video().status().wireName()
                    + "; captions can be corrected once it is completed", run.video());
        }
        engine.artifacts().putText(ArtifactKey.editedCaptions(id),
                Json.write(CaptionWordsDocument.of(AssemblyStep.basis(run), checked, true)));
        return act(id, (r, now) -> RunActions.reassemble(r, "Captions corrected by a person (" + checked.size()
                + " words); assembling again, nothing to pay", now), true);
    }

    private Optional<CaptionWordsDocument> text(ArtifactKey key) {
        return engine.artifacts().readText(key).map(json -> Json.read(json, CaptionWordsDocument.class));
    }

    private static String newMediaId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "med_" + java.util.HexFormat.of().formatHex(b);
    }

    private static String firstLine(String message) {
        int eol = message == null ? -1 : message.indexOf('\n');
        return eol < 0 ? String.valueOf(message) : message.substring(0, eol);
    }

    /** The script the clips are made from (the adapted one in narrated mode). */
    public Script script(VideoId id) {
        return run(id).script().orElseThrow(() -> new ConflictException("video " + id + " has no script yet"));
    }

    /** The writer redoes one block of a script under review (paid like a script call, booked to the video). */
    public Video rewriteBlock(VideoId id, int block) {
        return act(id, (run, now) -> {
            if (run.video().status() != org.reelforge.video.VideoStatus.AWAITING_APPROVAL) {
                throw new ConflictException("video " + id + " is " + run.video().status().wireName()
                        + "; a block can be rewritten while the script awaits approval", run.video());
            }
            engine.reviseBlock(run, block, now);
        }, false);
    }

    /** The final clips of a completed draft; draft clips already of final quality are kept, not paid again. */
    public Video finalizeDraft(VideoId id) {
        return act(id, (run, now) -> RunActions.finalizeDraft(run, b -> engine.finalDigest(run, b), now), true);
    }

    /** Replaces the script of a video awaiting approval, checked against the clip model's lengths. */
    public Video replaceScript(VideoId id, Script script) {
        engine.check(run(id).video().request().withScript(script).withDuration(script.totalDurationSeconds()));
        return act(id, (run, now) -> RunActions.replaceScript(run, script, now), false);
    }

    /** The script is approved: the paid steps run. Approving twice is a conflict. */
    public Video approve(VideoId id) {
        return act(id, (run, now) -> RunActions.approve(run, now), true);
    }

    /** Removes a video that is not running (finished, cancelled, or waiting for approval): rows and files. */
    public void delete(VideoId id) {
        Video v = run(id).video();
        if (!v.status().isIdle()) {
            throw new ConflictException("video " + id + " is " + v.status().wireName() + "; cancel it before deleting", v);
        }
        engine.runs().delete(id);
        artifacts.deleteVideo(id);
    }

    private interface Action {
        void apply(VideoRun run, Instant now);
    }

    private Video act(VideoId id, Action action, boolean schedule) {
        VideoRun run = run(id);
        Instant now = engine.clock().instant();
        try {
            action.apply(run, now);
            engine.commit(run);
        } catch (ConcurrentUpdateException e) {
            Video current = run(id).video();
            throw new ConflictException("video " + id + " changed while this was being done (it is now "
                    + current.statusLabel() + "); look at it again and retry", current);
        } catch (ConflictException e) {
            throw e.current() == null ? new ConflictException(e.getMessage(), run.video()) : e;
        }
        if (schedule) {
            engine.jobs().schedule(id, now);
        }
        return run.video();
    }
}

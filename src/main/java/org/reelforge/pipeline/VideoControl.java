package org.reelforge.pipeline;

import java.time.Instant;
import java.util.List;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/**
 * What a person can do to a video (CLI, API): retry, resume, cancel, reset an abandoned clip, re-roll a
 * block, delete. Each action is one versioned transaction, then a run of the pipeline is queued.
 */
public final class VideoControl {
    private final Pipeline pipeline;
    private final ArtifactStore artifacts;

    public VideoControl(Pipeline pipeline, ArtifactStore artifacts) {
        this.pipeline = pipeline;
        this.artifacts = artifacts;
    }

    public Video get(VideoId id) {
        return pipeline.journal().store().read(tx -> tx.video(id))
                .orElseThrow(() -> new NotFoundException("No video " + id));
    }

    /** A failed or cancelled video runs again from the step after its last success; abandoned clips get a new chance. */
    public Video retry(VideoId id) {
        Video v = get(id);
        if (!v.status().isTerminal()) {
            return resume(id);
        }
        if (v.status() == VideoStatus.COMPLETED) {
            throw new ConflictException("video " + id + " is completed; re-roll a block to change it");
        }
        Instant now = now();
        List<ClipOperation> abandoned = clips(id).stream().filter(c -> c.status() == ClipStatus.ABANDONED).toList();
        Video saved = pipeline.journal().commit(v.markRetryRequested(now), "retry_requested",
                "Retry requested; starting from " + v.startFrom().wireName()
                        + (abandoned.isEmpty() ? "" : "; " + abandoned.size() + " abandoned clip(s) reset"),
                tx -> abandoned.forEach(c -> tx.saveClip(c.markReset(now))));
        pipeline.jobs().schedule(id, now);
        return saved;
    }

    /** An unfinished video continues from its last successful step (after a crash, or by hand). */
    public Video resume(VideoId id) {
        Video v = get(id);
        if (v.status().isTerminal()) {
            throw new ConflictException("video " + id + " is " + v.status().wireName() + "; use retry");
        }
        Video saved = v.status() == VideoStatus.QUEUED ? v
                : pipeline.journal().commit(v.withStatus(VideoStatus.QUEUED, now()), "resume_requested",
                        "Resume requested from " + (v.lastSuccessfulStep() == null ? "the start" : v.lastSuccessfulStep().wireName()));
        pipeline.jobs().schedule(id, now());
        return saved;
    }

    public Video cancel(VideoId id) {
        Video v = get(id);
        if (v.status().isTerminal()) {
            throw new ConflictException("video " + id + " is already " + v.status().wireName());
        }
        return pipeline.journal().commit(v.markCancelled(now()), "cancelled",
                "Cancelled by a person; operations already submitted to the provider finish there unused");
    }

    /** retry_count back to 0 on an abandoned clip; the monitor relaunches it. */
    public Video resetClip(VideoId id, int block) {
        Video v = get(id);
        ClipOperation c = clip(id, block);
        if (c.status() != ClipStatus.ABANDONED) {
            throw new ConflictException("block " + block + " of " + id + " is " + c.status().wireName()
                    + "; only an abandoned clip can be reset");
        }
        Instant now = now();
        Video next = v.status().isTerminal() || v.status() == VideoStatus.READY_FOR_ASSEMBLY ? v.markClipsReopened(now) : v;
        Video saved = pipeline.journal().commit(next, "clip_reset", "Block " + block + ": reset by a person (retry_count = 0)",
                tx -> tx.saveClip(c.markReset(now)));
        pipeline.jobs().schedule(id, now);
        return saved;
    }

    /** Re-rolls one block: a new generation of that clip, then a new assembly; the other clips are reused. */
    public Video regenerateBlock(VideoId id, int block) {
        Video v = get(id);
        if (!v.status().isTerminal()) {
            throw new ConflictException("video " + id + " is still " + v.status().wireName()
                    + "; wait for it to finish or cancel it before re-rolling a block");
        }
        Script script = pipeline.journal().store().read(tx -> tx.currentScript(id))
                .orElseThrow(() -> new ConflictException("video " + id + " has no script yet"));
        String prompt = script.clipPrompt(script.block(block));
        ClipOperation c = clip(id, block);
        Instant now = now();
        Video saved = pipeline.journal().commit(v.markClipsReopened(now), "block_regenerating",
                "Block " + block + ": re-roll requested; the other clips are kept", tx -> tx.saveClip(c.markRerolled(prompt, now)));
        pipeline.jobs().schedule(id, now);
        return saved;
    }

    /** Removes a finished (or cancelled) video: rows and files. */
    public void delete(VideoId id) {
        Video v = get(id);
        if (!v.status().isTerminal()) {
            throw new ConflictException("video " + id + " is " + v.status().wireName() + "; cancel it before deleting");
        }
        pipeline.journal().store().useTransaction(tx -> tx.deleteVideo(id));
        artifacts.delete(id);
    }

    private List<ClipOperation> clips(VideoId id) {
        return pipeline.journal().store().read(tx -> tx.clips(id));
    }

    private ClipOperation clip(VideoId id, int block) {
        return pipeline.journal().store().read(tx -> tx.clip(id, block))
                .orElseThrow(() -> new NotFoundException("video " + id + " has no clip for block " + block));
    }

    private Instant now() {
        return pipeline.clock().instant();
    }
}

package org.reelforge.video;

import java.time.Instant;
import java.util.List;

/**
 * What a person can ask of a video (CLI, API) — retry, resume, cancel, reset an abandoned clip, re-roll or edit a
 * block, approve or replace the script under review — as changes of its {@link VideoRun}. Each refuses, with a
 * {@link ConflictException} naming the video and its state, what does not fit the state. A re-roll, retry or reset
 * restarts the assembly wait, so a clip paid for now is not abandoned by a deadline that ran out before it.
 */
public final class RunActions {
    private RunActions() {
    }

    /** A failed or cancelled video runs again from the step after its last success; abandoned clips get a new chance. */
    public static void retry(VideoRun run, Instant now) {
        Video v = run.video();
        if (v.status() == VideoStatus.COMPLETED) {
            throw new ConflictException("video " + v.id() + " is completed; re-roll a block to change it");
        }
        if (!v.status().isTerminal()) {
            resume(run, now);
            return;
        }
        List<ClipOperation> abandoned = run.clipsIn(ClipStatus.ABANDONED);
        run.update(v.markRetryRequested(now), EventType.RETRY_REQUESTED, "Retry requested; starting from "
                + v.startFrom().wireName() + (abandoned.isEmpty() ? "" : "; " + abandoned.size() + " abandoned clip(s) reset"));
        for (ClipOperation c : abandoned) {
            run.saveClip(c.markReset(now), EventType.CLIP_RESET, "Block " + c.blockIndex() + ": reset by the retry",
                    List.of(), now);
        }
        run.restartAssemblyWait();
    }

    /** An unfinished video continues from its last successful step (after a crash, or by hand). */
    public static void resume(VideoRun run, Instant now) {
        Video v = run.video();
        if (v.status().isTerminal()) {
            throw new ConflictException("video " + v.id() + " is " + v.status().wireName() + "; use retry");
        }
        if (v.status() == VideoStatus.AWAITING_APPROVAL) {
            throw new ConflictException("video " + v.id() + " is awaiting approval of its script; approve it to go on");
        }
        if (v.status() != VideoStatus.QUEUED) {
            run.update(v.withStatus(VideoStatus.QUEUED, now), EventType.RESUME_REQUESTED, "Resume requested from "
                    + (v.lastSuccessfulStep() == null ? "the start" : v.lastSuccessfulStep().wireName()));
        }
    }

    public static void cancel(VideoRun run, Instant now) {
        Video v = run.video();
        if (v.status().isTerminal()) {
            throw new ConflictException("video " + v.id() + " is already " + v.status().wireName());
        }
        run.update(v.markCancelled(now), EventType.CANCELLED,
                "Cancelled by a person; operations already submitted to the provider finish there unused");
    }

    /** retry_count back to 0 on an abandoned clip; the engine relaunches it. */
    public static void resetClip(VideoRun run, int block, Instant now) {
        ClipOperation c = requireClip(run, block);
        if (c.status() != ClipStatus.ABANDONED) {
            throw new ConflictException("block " + block + " of " + run.id() + " is " + c.status().wireName()
                    + "; only an abandoned clip can be reset");
        }
        reopen(run, now);
        run.saveClip(c.markReset(now), EventType.CLIP_RESET, "Block " + block + ": reset by a person (retry_count = 0)",
                List.of(), now);
    }

    /**
     * Re-rolls one block of a finished video: a new generation of that clip (with the block's current text and
     * prompt), then a new assembly; the other clips are reused, not paid again.
     */
    public static void regenerate(VideoRun run, int block, Instant now) {
        Video v = run.video();
        if (!v.status().isTerminal()) {
            throw new ConflictException("video " + v.id() + " is still " + v.status().wireName()
                    + "; wait for it to finish or cancel it before re-rolling a block");
        }
        Script script = run.script().orElseThrow(() -> new ConflictException("video " + v.id() + " has no script yet"));
        Block b = script.block(block);
        ClipOperation c = requireClip(run, block);
        if (c.status() == ClipStatus.SUBMITTING) {
            throw new ConflictException("block " + block + " of " + v.id() + " is being submitted; try again in a moment");
        }
        reopen(run, now);
        run.saveClip(c.markRerolled(script.clipPrompt(b), now), EventType.BLOCK_REGENERATING,
                "Block " + block + ": re-roll requested; the other clips are kept", List.of(), now);
    }

    /**
     * Changes a block's text, prompt or on-screen text on a video that is not running (finished, failed, cancelled,
     * or under review); its clip is made again only when asked ({@link #regenerate}), or at approval.
     */
    public static void editBlock(VideoRun run, Block edited, Instant now) {
        Video v = run.video();
        if (!v.status().isIdle()) {
            throw new ConflictException("video " + v.id() + " is " + v.status().wireName()
                    + "; edit its blocks once it has finished, failed, been cancelled or while it awaits approval");
        }
        Script script = run.script().orElseThrow(() -> new ConflictException("video " + v.id() + " has no script yet"));
        Block current = script.block(edited.index());
        if (current.durationSeconds() != edited.durationSeconds() && v.status() != VideoStatus.AWAITING_APPROVAL) {
            throw new ConflictException("block " + edited.index() + "'s length can only change while the script awaits approval");
        }
        run.replaceBlock(edited);
        run.record(EventType.BLOCK_EDITED, "Block " + edited.index() + " edited by a person", now);
    }

    /**
     * Makes a block from the person's own file ({@code media}), or from the clip model again ({@code null}), on a video
     * that is not running: under review it is used at approval; on a finished one at the next {@link #regenerate} of
     * that block (which then costs nothing).
     */
    public static void setMedia(VideoRun run, int block, BlockMedia media, Instant now) {
        Video v = run.video();
        if (!v.status().isIdle()) {
            throw new ConflictException("video " + v.id() + " is " + v.status().wireName()
                    + "; a block's own media can be set once it has finished, failed, been cancelled or while it awaits"
                    + " approval");
        }
        Script script = run.script().orElseThrow(() -> new ConflictException("video " + v.id() + " has no script yet"));
        run.replaceBlock(script.block(block).withMedia(media));
        if (media != null) {
            run.record(EventType.MEDIA_ATTACHED, "Block " + block + ": your " + media.kind().wireName() + " \""
                    + media.name() + "\" will be used instead of a generated clip ($0)", now);
        } else {
            run.record(EventType.MEDIA_REMOVED, "Block " + block + ": your file is no longer used; the clip model makes"
                    + " this block", now);
        }
    }

    /**
     * A completed video is assembled again (the person corrected its captions): no clip is made again and nothing is
     * paid; the clips step finds every clip there and the assembly follows.
     */
    public static void reassemble(VideoRun run, String why, Instant now) {
        Video v = run.video();
        if (v.status() != VideoStatus.COMPLETED) {
            throw new ConflictException("video " + v.id() + " is " + v.status().wireName()
                    + "; captions can be corrected once it is completed");
        }
        reopen(run, now);
        run.record(EventType.CAPTIONS_EDITED, why, now);
    }

    /** Replaces the whole script of a video awaiting approval (edit, add, remove, reorder blocks). */
    public static void replaceScript(VideoRun run, Script script, Instant now) {
        Video v = run.video();
        requireAwaitingApproval(v);
        if (run.adapted().isPresent()) {
            run.saveScript(VideoRun.ScriptKind.ADAPTED, script);
        }
        run.saveScript(VideoRun.ScriptKind.ORIGINAL, script);
        run.dropClips();
        run.update(v.withBlocks(script.blocks().size(), 0, 0, now), EventType.SCRIPT_EDITED, "Script edited: "
                + script.blocks().size() + " blocks, " + script.totalDurationSeconds() + " s");
    }

    /** The script is approved: the run goes on to the paid steps. Approving twice is a conflict. */
    public static void approve(VideoRun run, Instant now) {
        Video v = run.video();
        requireAwaitingApproval(v);
        run.update(v.markApproved(now), EventType.APPROVED, "Script approved: " + run.requireScript().blocks().size()
                + " blocks will be rendered");
    }

    /**
     * The final clips of a completed draft: blocks whose draft clip is already what a final clip would be
     * ({@code finalDigest} equal to the clip's) are kept; the others are made again at final quality, then the video
     * is assembled again.
     */
    public static void finalizeDraft(VideoRun run, java.util.function.Function<Block, String> finalDigest, Instant now) {
        Video v = run.video();
        if (v.status() != VideoStatus.COMPLETED || !v.isDraft()) {
            throw new ConflictException("video " + v.id() + " is " + (v.isDraft() ? v.status().wireName() : "not a draft")
                    + "; only a completed draft can be finalized", v);
        }
        Script script = run.requireScript();
        int remade = 0;
        run.update(v.markFinalizing(now), EventType.FINALIZE_REQUESTED, "Final clips requested");
        for (Block b : script.blocks()) {
            ClipOperation c = run.clip(b.index()).orElse(null);
            boolean keep = c != null && c.status() == ClipStatus.SUCCESS && finalDigest.apply(b).equals(c.digest());
            if (c != null && !keep && c.status() != ClipStatus.SUBMITTING) {
                run.saveClip(c.markRerolled(script.clipPrompt(b), now), EventType.BLOCK_REGENERATING,
                        "Block " + b.index() + ": the final clip will be made", List.of(), now);
                remade++;
            }
        }
        run.record(EventType.FINALIZE_REQUESTED, remade + " of " + script.blocks().size() + " blocks get a final clip; "
                + (script.blocks().size() - remade) + " draft clip(s) are already final quality and kept", now);
        run.restartAssemblyWait();
    }

    static void requireAwaitingApproval(Video v) {
        if (v.status() != VideoStatus.AWAITING_APPROVAL) {
            throw new ConflictException("video " + v.id() + " is " + v.status().wireName() + ", not awaiting approval");
        }
    }

    /** The clips step is open again (a finished video goes back in the queue) and the assembly wait starts over. */
    private static void reopen(VideoRun run, Instant now) {
        Video v = run.video();
        if (v.status().isTerminal() || v.status() == VideoStatus.READY_FOR_ASSEMBLY) {
            run.touch(v.markClipsReopened(now));
        }
        run.restartAssemblyWait();
    }

    private static ClipOperation requireClip(VideoRun run, int block) {
        return run.clip(block).orElseThrow(() -> new NotFoundException("video " + run.id() + " has no clip for block " + block));
    }
}

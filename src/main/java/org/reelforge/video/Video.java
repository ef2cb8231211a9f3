package org.reelforge.video;

import java.time.Instant;
import java.util.List;

/**
 * A video being made: its request, where it stands, and why it stopped if it did. Immutable; every
 * change returns a new copy, checked against {@link VideoStatus}'s transition table.
 *
 * @param owner              the user the video belongs to ("local" for the CLI)
 * @param lastSuccessfulStep null until the script exists
 * @param currentStep        the step running or due next; null once assembled
 * @param attempts           how many times the job failed and was put back in the queue (max_retries applies)
 * @param failureReason      what went wrong last, in technical words, with the values tried; null if nothing
 * @param version            optimistic-locking counter, bumped by the store on every write
 * @param rateLimitedSince   when the current run of rate limits began (the total wait is bounded); null if none
 * @param approvedAt         when a person approved the script of a video made with review; null until then
 * @param finalizedAt        when a person asked for the final clips of a video made as a draft; null until then
 * @param delivered          what the last assembly delivered; null until a video is assembled
 */
public record Video(VideoId id, String owner, VideoRequest request, VideoStatus status, CompletedStep lastSuccessfulStep,
                    Step currentStep, int attempts, String failureReason, ErrorCategory errorCategory,
                    int totalBlocks, int completedBlocks, int currentBlock, Instant createdAt, Instant updatedAt,
                    long version, Instant rateLimitedSince, Instant approvedAt, Instant finalizedAt, Delivered delivered) {

    /**
     * What final.mp4 holds: its real length and which blocks made it in.
     *
     * @param missingBlocks blocks of the script without a clip in the video (abandoned)
     * @param speech        per block, how well what is heard matches its script (when the transcriber tells)
     */
    public record Delivered(long durationMillis, int blocksUsed, List<Integer> missingBlocks, double integratedLufs,
                            List<SpeechMatch> speech) {
        public Delivered {
            missingBlocks = List.copyOf(missingBlocks);
            speech = speech == null ? List.of() : List.copyOf(speech);
        }

        public boolean partial() {
            return !missingBlocks.isEmpty();
        }
    }

    /**
     * How well the speech heard in a block matches what its script says (a video model speaks its own version of a
     * line). Below {@link #MISMATCH} the block is flagged: its captions follow what was heard.
     */
    public record SpeechMatch(int block, double confidence, String heard) {
        public static final double MISMATCH = 0.6;

        public boolean mismatched() {
            return confidence < MISMATCH;
        }
    }

    public static Video create(VideoId id, String owner, VideoRequest request, Instant now) {
        return new Video(id, owner, request, VideoStatus.QUEUED, null, Step.SCRIPT, 0, null, null, 0, 0, 0, now, now, 0,
                null, null, null, null);
    }

    /** The status as users see it: {@code generating_parallel}, {@code generating_block_3}, {@code completed}… */
    public String statusLabel() {
        if (status != VideoStatus.GENERATING_CLIPS) {
            return status.wireName();
        }
        return request.clipStrategy() == ClipStrategy.EXTEND ? "generating_block_" + Math.max(1, currentBlock) : "generating_parallel";
    }

    /** Where the next run starts, from {@code last_successful_step}; null when the video is assembled. */
    public Step startFrom() {
        return Step.startFrom(lastSuccessfulStep, request.mode());
    }

    public boolean isAssembled() {
        return lastSuccessfulStep == CompletedStep.VIDEO_ASSEMBLED;
    }

    /** True while the clips are drafts: asked for with {@code draft}, and not finalized yet. */
    public boolean isDraft() {
        return request.draft() && finalizedAt == null;
    }

    /** True when the script is written (and adapted) and a person must approve it before anything is paid for clips. */
    public boolean needsApproval() {
        return request.review() && approvedAt == null;
    }

    public int progressPercentage() {
        if (status == VideoStatus.COMPLETED) {
            return 100;
        }
        int base = switch (status) {
            case QUEUED -> lastSuccessfulStep == null ? 0 : 5;
            case SCRIPT_GENERATED, AWAITING_APPROVAL -> 10;
            case GENERATING_CLIPS -> 10 + (totalBlocks == 0 ? 0 : 75 * completedBlocks / totalBlocks);
            case READY_FOR_ASSEMBLY -> 85;
            case ASSEMBLING -> 90;
            default -> totalBlocks == 0 ? 0 : 10 + 75 * completedBlocks / totalBlocks;
        };
        return Math.min(99, base);
    }

    public Video withStatus(VideoStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("video " + id, status.wireName(), next.wireName());
        }
        Builder b = builder(now);
        b.status = next;
        return b.build();
    }

    /** Records that {@code step} succeeded and moves on to the next one. */
    public Video markStepDone(Step step, VideoStatus next, Instant now) {
        Builder b = withStatus(next, now).builder(now);
        b.lastSuccessfulStep = step.marker();
        b.currentStep = Step.startFrom(step.marker(), request.mode());
        return b.build();
    }

    public Video markRunning(Step step, VideoStatus next, Instant now) {
        Builder b = withStatus(next, now).builder(now);
        b.currentStep = step;
        return b.build();
    }

    /** The job failed and goes back in the queue, to start again from the step after the last success. */
    public Video markRequeued(String reason, ErrorCategory category, Instant now) {
        Builder b = withStatus(VideoStatus.QUEUED, now).builder(now);
        b.currentStep = startFrom();
        b.attempts = attempts + 1;
        b.failureReason = reason;
        b.errorCategory = category;
        return b.build();
    }

    public Video markFailed(String reason, ErrorCategory category, Instant now) {
        Builder b = withStatus(VideoStatus.FAILED, now).builder(now);
        b.failureReason = reason;
        b.errorCategory = category;
        return b.build();
    }

    public Video markCancelled(Instant now) {
        return withStatus(VideoStatus.CANCELLED, now);
    }

    /** Assembled: the errors met on the way are history now (they stay in the events), not the video's state. */
    public Video markCompleted(Delivered result, Instant now) {
        Builder b = markStepDone(Step.ASSEMBLY, VideoStatus.COMPLETED, now).builder(now);
        b.failureReason = null;
        b.errorCategory = null;
        b.rateLimitedSince = null;
        b.delivered = result;
        return b.build();
    }

    /** A person asked for another try: the job's retry budget starts over, finished steps stay finished. */
    public Video markRetryRequested(Instant now) {
        Builder b = withStatus(VideoStatus.QUEUED, now).builder(now);
        b.currentStep = startFrom();
        b.attempts = 0;
        b.failureReason = null;
        b.errorCategory = null;
        b.rateLimitedSince = null;
        return b.build();
    }

    /** Forgets that the clips (and anything after them) were done, so one block can be re-rolled. */
    public Video markClipsReopened(Instant now) {
        CompletedStep before = request.mode() == Mode.NARRATED ? CompletedStep.AUDIO_GENERATED : CompletedStep.SCRIPT_GENERATED;
        CompletedStep last = lastSuccessfulStep == null || lastSuccessfulStep.ordinal() < before.ordinal() ? lastSuccessfulStep : before;
        Builder b = withStatus(VideoStatus.QUEUED, now).builder(now);
        b.lastSuccessfulStep = last;
        b.currentStep = Step.startFrom(last, request.mode());
        b.attempts = 0;
        b.failureReason = null;
        b.errorCategory = null;
        b.rateLimitedSince = null;
        return b.build();
    }

    /** The script waits for a person's approval; nothing runs meanwhile. */
    public Video markAwaitingApproval(Instant now) {
        return withStatus(VideoStatus.AWAITING_APPROVAL, now);
    }

    /** A person approved the script: the run goes on from the step after it. */
    public Video markApproved(Instant now) {
        Builder b = withStatus(VideoStatus.QUEUED, now).builder(now);
        b.approvedAt = now;
        b.currentStep = startFrom();
        return b.build();
    }

    /**
     * A person asked for the final clips of a completed draft: the clips step runs again (the engine remakes the
     * blocks whose draft clip is not final quality) and the video is assembled again.
     */
    public Video markFinalizing(Instant now) {
        Builder b = markClipsReopened(now).builder(now);
        b.finalizedAt = now;
        return b.build();
    }

    /**
     * Goes back to just after {@code last} (a narrated block whose text changed needs its voice again): the steps
     * after it run again; what they made is reused where it still fits.
     */
    public Video markReopenedAfter(CompletedStep last, Instant now) {
        if (lastSuccessfulStep != null && lastSuccessfulStep.ordinal() < last.ordinal()) {
            return this;
        }
        Builder b = builder(now);
        b.lastSuccessfulStep = last;
        b.currentStep = Step.startFrom(last, request.mode());
        return b.build();
    }

    /** A rate limit was met; the first one of a run of them starts the bounded wait. */
    public Video markRateLimited(Instant now) {
        Builder b = builder(now);
        b.rateLimitedSince = rateLimitedSince == null ? now : rateLimitedSince;
        return b.build();
    }

    /** A provider answered again: the bounded wait for rate limits starts over next time. */
    public Video clearRateLimit() {
        if (rateLimitedSince == null) {
            return this;
        }
        Builder b = builder(updatedAt);
        b.rateLimitedSince = null;
        return b.build();
    }

    public Video withBlocks(int total, int completed, int current, Instant now) {
        Builder b = builder(now);
        b.totalBlocks = total;
        b.completedBlocks = completed;
        b.currentBlock = current;
        return b.build();
    }

    public Video withVersion(long newVersion) {
        Builder b = builder(updatedAt);
        b.version = newVersion;
        return b.build();
    }

    private Builder builder(Instant now) {
        return new Builder(this, now);
    }

    /** The one place a changed copy is made. */
    private static final class Builder {
        private final Video from;
        private VideoStatus status;
        private CompletedStep lastSuccessfulStep;
        private Step currentStep;
        private int attempts;
        private String failureReason;
        private ErrorCategory errorCategory;
        private int totalBlocks;
        private int completedBlocks;
        private int currentBlock;
        private final Instant updatedAt;
        private long version;
        private Instant rateLimitedSince;
        private Instant approvedAt;
        private Instant finalizedAt;
        private Delivered delivered;

        private Builder(Video v, Instant now) {
            from = v;
            status = v.status;
            lastSuccessfulStep = v.lastSuccessfulStep;
            currentStep = v.currentStep;
            attempts = v.attempts;
            failureReason = v.failureReason;
            errorCategory = v.errorCategory;
            totalBlocks = v.totalBlocks;
            completedBlocks = v.completedBlocks;
            currentBlock = v.currentBlock;
            updatedAt = now;
            version = v.version;
            rateLimitedSince = v.rateLimitedSince;
            approvedAt = v.approvedAt;
            finalizedAt = v.finalizedAt;
            delivered = v.delivered;
        }

        private Video build() {
            return new Video(from.id, from.owner, from.request, status, lastSuccessfulStep, currentStep, attempts,
                    failureReason, errorCategory, totalBlocks, completedBlocks, currentBlock, from.createdAt, updatedAt,
                    version, rateLimitedSince, approvedAt, finalizedAt, delivered);
        }
    }
}

package org.reelforge.video;

import java.time.Instant;

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
 */
public record Video(VideoId id, String owner, VideoRequest request, VideoStatus status, CompletedStep lastSuccessfulStep,
                    Step currentStep, int attempts, String failureReason, ErrorCategory errorCategory,
                    int totalBlocks, int completedBlocks, int currentBlock, Instant createdAt, Instant updatedAt,
                    long version) {

    public static Video create(VideoId id, String owner, VideoRequest request, Instant now) {
        return new Video(id, owner, request, VideoStatus.QUEUED, null, Step.SCRIPT, 0, null, null, 0, 0, 0, now, now, 0);
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

    public int progressPercentage() {
        if (status == VideoStatus.COMPLETED) {
            return 100;
        }
        int base = switch (status) {
            case QUEUED -> lastSuccessfulStep == null ? 0 : 5;
            case SCRIPT_GENERATED -> 10;
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
        return new Video(id, owner, request, next, lastSuccessfulStep, currentStep, attempts, failureReason, errorCategory,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    /** Records that {@code step} succeeded and moves on to the next one. */
    public Video markStepDone(Step step, VideoStatus next, Instant now) {
        Video moved = withStatus(next, now);
        Step following = Step.startFrom(step.marker(), request.mode());
        return new Video(id, owner, request, moved.status, step.marker(), following, attempts, failureReason,
                errorCategory, totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    public Video markRunning(Step step, VideoStatus status, Instant now) {
        Video moved = withStatus(status, now);
        return new Video(id, owner, request, moved.status, lastSuccessfulStep, step, attempts, failureReason, errorCategory,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    /** The job failed and goes back in the queue, to start again from the step after the last success. */
    public Video markRequeued(String reason, ErrorCategory category, Instant now) {
        Video moved = withStatus(VideoStatus.QUEUED, now);
        return new Video(id, owner, request, moved.status, lastSuccessfulStep, startFrom(), attempts + 1, reason, category,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    public Video markFailed(String reason, ErrorCategory category, Instant now) {
        Video moved = withStatus(VideoStatus.FAILED, now);
        return new Video(id, owner, request, moved.status, lastSuccessfulStep, currentStep, attempts, reason, category,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    public Video markCancelled(Instant now) {
        return withStatus(VideoStatus.CANCELLED, now);
    }

    /** A person asked for another try: the job's retry budget starts over, finished steps stay finished. */
    public Video markRetryRequested(Instant now) {
        Video moved = withStatus(VideoStatus.QUEUED, now);
        return new Video(id, owner, request, moved.status, lastSuccessfulStep, startFrom(), 0, null, null,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    /** Forgets that the clips (and anything after them) were done, so one block can be re-rolled. */
    public Video markClipsReopened(Instant now) {
        Video moved = withStatus(VideoStatus.QUEUED, now);
        CompletedStep before = request.mode() == Mode.NARRATED ? CompletedStep.AUDIO_GENERATED : CompletedStep.SCRIPT_GENERATED;
        CompletedStep last = lastSuccessfulStep == null || lastSuccessfulStep.ordinal() < before.ordinal() ? lastSuccessfulStep : before;
        return new Video(id, owner, request, moved.status, last, Step.startFrom(last, request.mode()), 0, null, null,
                totalBlocks, completedBlocks, currentBlock, createdAt, now, version);
    }

    public Video withBlocks(int total, int completed, int current, Instant now) {
        return new Video(id, owner, request, status, lastSuccessfulStep, currentStep, attempts, failureReason, errorCategory,
                total, completed, current, createdAt, now, version);
    }

    public Video withVersion(long newVersion) {
        return new Video(id, owner, request, status, lastSuccessfulStep, currentStep, attempts, failureReason, errorCategory,
                totalBlocks, completedBlocks, currentBlock, createdAt, updatedAt, newVersion);
    }
}

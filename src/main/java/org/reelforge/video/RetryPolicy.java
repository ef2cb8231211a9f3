package org.reelforge.video;

import java.time.Duration;
import java.time.Instant;

/**
 * Every retry rule of the pipeline in one value (SPEC §2 and §4): how often a failed job goes back in the queue and
 * how long it waits, how often a clip is relaunched, how rate limits are waited out and for how long at most, and
 * what is never retried.
 *
 * @param maxJobRetries    a failed job is put back in the queue at most this many times, then the video fails
 * @param jobRetryDelay    the wait before a failed job runs again; doubles with each attempt
 * @param maxClipRetries   a failed clip is relaunched while its retry_count is below this; at it, abandoned
 * @param relaunchDelay    the wait before a failed clip is relaunched
 * @param rateLimitWait    the wait after a rate limit when the provider does not say how long
 * @param rateLimitMaxWait the longest a video waits out rate limits in a row before it stops as quota exceeded
 */
public record RetryPolicy(int maxJobRetries, Duration jobRetryDelay, int maxClipRetries, Duration relaunchDelay,
                          Duration rateLimitWait, Duration rateLimitMaxWait) {

    /** What happens to a job (a step) that failed. */
    public sealed interface JobDecision {
        /** Back in the queue: run again at {@code at}; {@code attempt} of {@link #maxJobRetries()}. */
        record Requeue(Instant at, int attempt) implements JobDecision {
        }

        /** A rate limit: wait until {@code at}, not counted as an attempt. */
        record Wait(Instant at) implements JobDecision {
        }

        /** The video fails now. */
        record Stop(ErrorCategory category, String prefix) implements JobDecision {
        }
    }

    /** What happens to a clip whose generation failed. */
    public sealed interface ClipDecision {
        /** Submit it again at {@code at}; {@code rewriteFirst} after a refusal (once). */
        record Relaunch(Instant at, boolean rewriteFirst) implements ClipDecision {
        }

        /** Give up on this clip; the video goes on without it. */
        record Abandon(String why) implements ClipDecision {
        }

        /** The whole video must stop (a permanent error, or rate limits past the bounded wait). */
        record StopVideo(ErrorCategory category) implements ClipDecision {
        }
    }

    public JobDecision afterJobFailure(ErrorKind kind, ErrorCategory category, int attemptsSoFar, Duration retryAfter,
                                       Instant rateLimitedSince, Instant now) {
        if (kind == ErrorKind.RATE_LIMITED) {
            if (waitedTooLong(rateLimitedSince, now) || beyondTheBound(retryAfter)) {
                return new JobDecision.Stop(ErrorCategory.QUOTA_EXCEEDED, quotaMessage());
            }
            return new JobDecision.Wait(now.plus(retryAfter == null ? rateLimitWait : retryAfter));
        }
        if (!isRetriable(kind)) {
            return new JobDecision.Stop(category, "");
        }
        if (attemptsSoFar >= maxJobRetries) {
            return new JobDecision.Stop(category, "Failed after " + attemptsSoFar + " retries. Last error: ");
        }
        int attempt = attemptsSoFar + 1;
        return new JobDecision.Requeue(now.plus(jobRetryDelay.multipliedBy(1L << Math.min(10, attempt - 1))), attempt);
    }

    /**
     * @param clip the clip as it was when it failed (its retry count and whether it was rewritten already)
     */
    public ClipDecision afterClipFailure(ClipOperation clip, ErrorKind kind, Duration retryAfter, Instant rateLimitedSince,
                                         Instant now) {
        return switch (kind) {
            case RATE_LIMITED -> waitedTooLong(rateLimitedSince, now) || beyondTheBound(retryAfter)
                    ? new ClipDecision.StopVideo(ErrorCategory.QUOTA_EXCEEDED)
                    : new ClipDecision.Relaunch(now.plus(retryAfter == null ? rateLimitWait : retryAfter), false);
            case PERMANENT, STORAGE, BUDGET -> new ClipDecision.StopVideo(null);
            case REFUSED -> clip.promptRewritten() || clip.retryCount() >= maxClipRetries
                    ? new ClipDecision.Abandon("refused again after its block was rewritten")
                    : new ClipDecision.Relaunch(now, true);
            case RESET -> new ClipDecision.Relaunch(now, false);
            default -> clip.retryCount() >= maxClipRetries
                    ? new ClipDecision.Abandon("failed after " + clip.retryCount() + " retries")
                    : new ClipDecision.Relaunch(now.plus(relaunchDelay), false);
        };
    }

    /** Whether a job failing this way may run again (refusals, permanent errors, storage and budget stop at once). */
    public boolean isRetriable(ErrorKind kind) {
        return kind == ErrorKind.TRANSIENT || kind == ErrorKind.TIMEOUT || kind == ErrorKind.AMBIGUOUS
                || kind == ErrorKind.BAD_CLIP || kind == ErrorKind.RATE_LIMITED;
    }

    /** True once rate limits have been waited out for longer than {@link #rateLimitMaxWait()} in a row. */
    public boolean waitedTooLong(Instant rateLimitedSince, Instant now) {
        return rateLimitedSince != null && !now.isBefore(rateLimitedSince.plus(rateLimitMaxWait));
    }

    /** A wait asked for that is longer than the bound (a daily quota resetting at midnight): no point waiting. */
    private boolean beyondTheBound(Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(rateLimitMaxWait) > 0;
    }

    /** The message of a video stopped by a quota that never recovered. */
    public String quotaMessage() {
        return "rate limited for " + Durations.human(rateLimitMaxWait) + " in a row: the provider's quota looks "
                + "exhausted; try again after the provider's quota resets (nothing paid is lost). Last error: ";
    }
}

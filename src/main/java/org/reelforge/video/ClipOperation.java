package org.reelforge.video;

import java.time.Instant;

/**
 * One block's clip generation at the provider (SPEC §4). Written before the paid call with status
 * {@link ClipStatus#SUBMITTING}; given its operation name in the same breath as the provider's reply.
 *
 * @param operationName  the provider's long-running operation name; null until submitted
 * @param retryCount     relaunches so far (a rate-limited relaunch does not count)
 * @param submissions    how many times this block was sent to the provider (each one is paid)
 * @param resultRef      the provider's reference to the finished clip (e.g. Veo video URI), used to extend it
 * @param resultOffsetMillis where this block starts inside the downloaded clip (Veo extension returns the whole video)
 * @param lastErrorKind  the provider's classification of the last error (transient, rate_limited, refused, permanent)
 * @param nextCheckAt    when to poll (pending) or relaunch (failed) next
 * @param promptRewritten whether the prompt was already rewritten once after a refusal
 */
public record ClipOperation(VideoId videoId, int blockIndex, String operationName, String prompt, ClipStatus status,
                            int retryCount, int submissions, String resultRef, long resultOffsetMillis, String lastError, String lastErrorKind,
                            ErrorCategory errorCategory, boolean promptRewritten, Instant createdAt, Instant updatedAt,
                            Instant nextCheckAt) {
    public static final String RATE_LIMITED = "rate_limited";
    public static final String REFUSED = "refused";
    /** Set by a person (reset, re-roll): the next submission starts a fresh series and does not count as a retry. */
    public static final String RESET = "reset";
    private static final java.util.Set<String> FREE_RELAUNCH = java.util.Set.of(RATE_LIMITED, RESET);

    public static ClipOperation intent(VideoId videoId, int blockIndex, String prompt, Instant now) {
        return new ClipOperation(videoId, blockIndex, null, prompt, ClipStatus.SUBMITTING, 0, 1, null, 0, null, null, null,
                false, now, now, now);
    }

    private ClipOperation to(ClipStatus next, String op, int retries, int subs, String ref, String error, String kind,
                             ErrorCategory category, String newPrompt, boolean rewritten, Instant now, Instant check) {
        return to(next, op, retries, subs, ref, 0, error, kind, category, newPrompt, rewritten, now, check);
    }

    private ClipOperation to(ClipStatus next, String op, int retries, int subs, String ref, long offset, String error,
                             String kind, ErrorCategory category, String newPrompt, boolean rewritten, Instant now,
                             Instant check) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("clip " + videoId + "#" + blockIndex, status.wireName(), next.wireName());
        }
        return new ClipOperation(videoId, blockIndex, op, newPrompt, next, retries, subs, ref, offset, error, kind,
                category, rewritten, createdAt, now, check);
    }

    /** The provider accepted the job: poll it first at {@code firstPollAt}. */
    public ClipOperation markPending(String operation, Instant now, Instant firstPollAt) {
        return to(ClipStatus.PENDING, operation, retryCount, submissions, null, lastError, lastErrorKind, errorCategory,
                prompt, promptRewritten, now, firstPollAt);
    }

    /** Still running at the provider; the row's updated_at is kept so staleness stays measurable. */
    public ClipOperation withNextCheck(Instant at) {
        return new ClipOperation(videoId, blockIndex, operationName, prompt, status, retryCount, submissions, resultRef,
                resultOffsetMillis, lastError, lastErrorKind, errorCategory, promptRewritten, createdAt, updatedAt, at);
    }

    public ClipOperation markSuccess(String ref, long offsetMillis, Instant now) {
        return to(ClipStatus.SUCCESS, operationName, retryCount, submissions, ref, offsetMillis, null, null, null, prompt,
                promptRewritten, now, null);
    }

    public ClipOperation markFailed(String error, String kind, ErrorCategory category, Instant now, Instant retryAt) {
        return to(ClipStatus.FAILED, operationName, retryCount, submissions, null, error, kind, category, prompt,
                promptRewritten, now, retryAt);
    }

    public ClipOperation markAbandoned(Instant now) {
        return to(ClipStatus.ABANDONED, operationName, retryCount, submissions, null, lastError, lastErrorKind,
                errorCategory, prompt, promptRewritten, now, null);
    }

    /**
     * Intent to submit again (a relaunch), with {@code newPrompt}. A relaunch after a rate limit does not use up a retry.
     */
    public ClipOperation markResubmitting(String newPrompt, boolean rewritten, Instant now) {
        int retries = FREE_RELAUNCH.contains(lastErrorKind) ? retryCount : retryCount + 1;
        return to(ClipStatus.SUBMITTING, null, retries, submissions + 1, null, lastError, lastErrorKind, errorCategory,
                newPrompt, rewritten, now, now);
    }

    /** A person reset an abandoned clip: retry_count = 0, the monitor relaunches it. */
    public ClipOperation markReset(Instant now) {
        return to(ClipStatus.FAILED, operationName, 0, submissions, null, lastError, RESET, errorCategory, prompt,
                false, now, now);
    }

    /** A person asked to re-roll this block (from any state but submitting): a new generation, retries start over. */
    public ClipOperation markRerolled(String newPrompt, Instant now) {
        return to(ClipStatus.FAILED, operationName, 0, submissions, null, "re-roll requested", RESET, null, newPrompt,
                false, now, now);
    }
}

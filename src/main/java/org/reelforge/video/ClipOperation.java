package org.reelforge.video;

import java.time.Instant;

/**
 * One block's clip generation at the provider (SPEC §4). Written before the paid call with status
 * {@link ClipStatus#SUBMITTING}; given its operation name in the same breath as the provider's reply.
 *
 * @param operationName   the provider's long-running operation name; null until submitted
 * @param retryCount      relaunches so far in this series (a rate-limited or person-asked relaunch does not count)
 * @param submissions     how many times this block was sent to the provider (each one may be paid)
 * @param resultRef       the provider's reference to the finished clip (e.g. Veo video URI), used to extend it
 * @param resultOffsetMillis where this block starts inside the downloaded clip (Veo extension returns the whole video)
 * @param lastErrorKind   how the last failure is treated (see {@link RetryPolicy})
 * @param nextCheckAt     when to poll (pending) or relaunch (failed) next
 * @param promptRewritten whether the block was already rewritten once after a refusal
 * @param provider        the clip generator this submission went to (its name), null before the first submission
 * @param quote           what this submission costs if it completes; booked when it ends (a refusal at $0)
 * @param costMicroUsd    what the finished clip cost (the line booked at success), for "saved by resume"
 * @param resolution      the resolution asked for (a draft's is the cheapest tier)
 * @param digest          a digest of what was asked (prompt, spoken text, length, resolution): a block whose digest
 *                        changed since its clip was made needs a new clip
 */
public record ClipOperation(VideoId videoId, int blockIndex, String operationName, String prompt, ClipStatus status,
                            int retryCount, int submissions, String resultRef, long resultOffsetMillis, String lastError,
                            ErrorKind lastErrorKind, ErrorCategory errorCategory, boolean promptRewritten,
                            Instant createdAt, Instant updatedAt, Instant nextCheckAt, String provider, Charge quote,
                            long costMicroUsd, String resolution, String digest) {

    /** The intent to submit, written before the paid call. */
    public static ClipOperation intent(VideoId videoId, int blockIndex, String prompt, String provider, Charge quote,
                                       String resolution, String digest, Instant now) {
        return new ClipOperation(videoId, blockIndex, null, prompt, ClipStatus.SUBMITTING, 0, 1, null, 0, null, null,
                null, false, now, now, now, provider, quote, 0, resolution, digest);
    }

    /**
     * A block given up before it was ever submitted (the budget could not pay for it): abandoned, with why, and no
     * submission counted.
     */
    public static ClipOperation notMade(VideoId videoId, int blockIndex, String prompt, String why, ErrorKind kind,
                                        ErrorCategory category, Instant now) {
        return new ClipOperation(videoId, blockIndex, null, prompt, ClipStatus.ABANDONED, 0, 0, null, 0, why, kind,
                category, false, now, now, null, null, null, 0, null, null);
    }

    /** The provider name of clips made from a person's own file (no provider, no cost). */
    public static final String OWN_MEDIA = "own-media";

    /** A block made from the person's own file: a success at once, no submission, no cost. */
    public static ClipOperation ownMedia(VideoId videoId, int blockIndex, BlockMedia media, Instant now) {
        return new ClipOperation(videoId, blockIndex, null, "own media: " + media.name(), ClipStatus.SUCCESS, 0, 0, null, 0,
                null, null, null, false, now, now, null, OWN_MEDIA, null, 0, null, "media:" + media.id());
    }

    /** Whether this clip was made from the person's own file rather than by a provider. */
    public boolean isOwnMedia() {
        return OWN_MEDIA.equals(provider);
    }

    /** The provider accepted the job: poll it first at {@code firstPollAt}. */
    public ClipOperation markPending(String operation, Instant now, Instant firstPollAt) {
        Builder b = to(ClipStatus.PENDING, now);
        b.operationName = operation;
        b.nextCheckAt = firstPollAt;
        return b.build();
    }

    /** Still running at the provider; updated_at is kept so staleness stays measurable. */
    public ClipOperation withNextCheck(Instant at) {
        Builder b = new Builder(this, updatedAt);
        b.nextCheckAt = at;
        return b.build();
    }

    public ClipOperation markSuccess(String ref, long offsetMillis, long costMicros, Instant now) {
        Builder b = to(ClipStatus.SUCCESS, now);
        b.resultRef = ref;
        b.resultOffsetMillis = offsetMillis;
        b.lastError = null;
        b.lastErrorKind = null;
        b.errorCategory = null;
        b.costMicroUsd = costMicros;
        b.nextCheckAt = null;
        return b.build();
    }

    public ClipOperation markFailed(String error, ErrorKind kind, ErrorCategory category, Instant now, Instant retryAt) {
        Builder b = to(ClipStatus.FAILED, now);
        b.resultRef = null;
        b.lastError = error;
        b.lastErrorKind = kind;
        b.errorCategory = category;
        b.nextCheckAt = retryAt;
        return b.build();
    }

    public ClipOperation markAbandoned(Instant now) {
        Builder b = to(ClipStatus.ABANDONED, now);
        b.resultRef = null;
        b.nextCheckAt = null;
        return b.build();
    }

    /**
     * Intent to submit again (a relaunch) with {@code newPrompt}. A relaunch after a rate limit or a person's reset
     * does not use up a retry.
     */
    public ClipOperation markResubmitting(String newPrompt, boolean rewritten, String provider, Charge quote,
                                          String resolution, String digest, Instant now) {
        Builder b = to(ClipStatus.SUBMITTING, now);
        b.operationName = null;
        b.retryCount = lastErrorKind != null && !lastErrorKind.countsAsRetry() ? retryCount : retryCount + 1;
        b.submissions = submissions + 1;
        b.resultRef = null;
        b.prompt = newPrompt;
        b.promptRewritten = rewritten;
        b.nextCheckAt = now;
        b.provider = provider;
        b.quote = quote;
        b.costMicroUsd = 0;
        b.resolution = resolution;
        b.digest = digest;
        return b.build();
    }

    /** A person reset an abandoned clip: retry_count = 0, a fresh series starts now. */
    public ClipOperation markReset(Instant now) {
        Builder b = to(ClipStatus.FAILED, now);
        b.retryCount = 0;
        b.lastErrorKind = ErrorKind.RESET;
        b.promptRewritten = false;
        b.nextCheckAt = now;
        return b.build();
    }

    /** A person asked to re-roll this block (from any state but submitting): a new generation, retries start over. */
    public ClipOperation markRerolled(String newPrompt, Instant now) {
        Builder b = to(ClipStatus.FAILED, now);
        b.retryCount = 0;
        b.resultRef = null;
        b.lastError = "re-roll requested";
        b.lastErrorKind = ErrorKind.RESET;
        b.errorCategory = null;
        b.prompt = newPrompt;
        b.promptRewritten = false;
        b.nextCheckAt = now;
        return b.build();
    }

    /**
     * The clip's file was lost or damaged after it was made: poll the same operation again and download it once more
     * (the provider keeps finished clips for a while). It is not paid again; if the provider no longer has it, the
     * poll fails and the clip is relaunched as a retry.
     */
    public ClipOperation markRefetching(String why, Instant now) {
        Builder b = to(ClipStatus.PENDING, now);
        b.resultRef = null;
        b.lastError = why;
        b.lastErrorKind = ErrorKind.REFETCH;
        b.nextCheckAt = now;
        return b.build();
    }

    public boolean isSettled() {
        return status == ClipStatus.SUCCESS || status == ClipStatus.ABANDONED;
    }

    public boolean isInFlight() {
        return status == ClipStatus.SUBMITTING || status == ClipStatus.PENDING;
    }

    private Builder to(ClipStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("clip " + videoId + "#" + blockIndex, status.wireName(), next.wireName());
        }
        Builder b = new Builder(this, now);
        b.status = next;
        return b;
    }

    /** The one place a changed copy is made. */
    private static final class Builder {
        private final ClipOperation from;
        private final Instant updatedAt;
        private String operationName;
        private String prompt;
        private ClipStatus status;
        private int retryCount;
        private int submissions;
        private String resultRef;
        private long resultOffsetMillis;
        private String lastError;
        private ErrorKind lastErrorKind;
        private ErrorCategory errorCategory;
        private boolean promptRewritten;
        private Instant nextCheckAt;
        private String provider;
        private Charge quote;
        private long costMicroUsd;
        private String resolution;
        private String digest;

        private Builder(ClipOperation c, Instant now) {
            from = c;
            updatedAt = now;
            operationName = c.operationName;
            prompt = c.prompt;
            status = c.status;
            retryCount = c.retryCount;
            submissions = c.submissions;
            resultRef = c.resultRef;
            resultOffsetMillis = c.resultOffsetMillis;
            lastError = c.lastError;
            lastErrorKind = c.lastErrorKind;
            errorCategory = c.errorCategory;
            promptRewritten = c.promptRewritten;
            nextCheckAt = c.nextCheckAt;
            provider = c.provider;
            quote = c.quote;
            costMicroUsd = c.costMicroUsd;
            resolution = c.resolution;
            digest = c.digest;
        }

        private ClipOperation build() {
            return new ClipOperation(from.videoId, from.blockIndex, operationName, prompt, status, retryCount, submissions,
                    resultRef, resultOffsetMillis, lastError, lastErrorKind, errorCategory, promptRewritten,
                    from.createdAt, updatedAt, nextCheckAt, provider, quote, costMicroUsd, resolution, digest);
        }
    }
}

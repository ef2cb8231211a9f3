package org.reelforge.video;

import java.util.Locale;

/**
 * How the last failure of a clip or a job is to be treated (SPEC §4): what {@link RetryPolicy} decides from. The
 * providers' classification ({@code TRANSIENT | RATE_LIMITED | REFUSED | PERMANENT}) plus the engine's own causes.
 */
public enum ErrorKind {
    /** 5xx, connection reset, an operation that ended in error: try again. */
    TRANSIENT,
    /** A quota or rate limit: wait as asked; not a failed attempt. */
    RATE_LIMITED,
    /** The provider will not make this content: rewrite once, then give up. */
    REFUSED,
    /** A retry cannot help (invalid argument, bad key, missing model). */
    PERMANENT,
    /** Pending too long, or the clip did not come back before the assembly deadline. */
    TIMEOUT,
    /** A person reset or re-rolled the clip: the next submission starts a fresh series. */
    RESET,
    /** The process stopped between our intent and the provider's reply: it may have been received. */
    AMBIGUOUS,
    /** The downloaded clip cannot be decoded, or is shorter than its block. */
    BAD_CLIP,
    /** The clip's file was lost or damaged after it was made: fetched again from the provider, not paid again. */
    REFETCH,
    /** The disk or the database cannot be written. */
    STORAGE,
    /** The video's budget would be exceeded. */
    BUDGET;

    /** Whether a relaunch after this failure uses up one of the clip's retries (rate limits and resets do not). */
    public boolean countsAsRetry() {
        return this != RATE_LIMITED && this != RESET && this != REFETCH;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorKind fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

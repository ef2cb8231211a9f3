package org.reelforge.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Counts over every video for health, metrics and time-left estimates (the store implements it). Each method is one
 * read, cheap enough to run on every metrics scrape. Thread-safe.
 */
public interface LibraryStatistics {
    /** Answers once the database does: the health probe. */
    boolean ping();

    /** Videos per status (wire names). */
    Map<String, Long> videosByStatus();

    /** Clip operations per status (wire names). */
    Map<String, Long> clipsByStatus();

    /** Events by type over all videos: failures ({@code job_failed}, {@code rate_limited}, {@code failed}) among them. */
    Map<String, Long> eventsByType();

    /** Paid calls per provider and operation, from the ledger. */
    List<ProviderCalls> providerCalls();

    /** A provider and operation with how many paid calls the ledger holds for it. */
    record ProviderCalls(String provider, String operation, long calls) {
    }

    /** The steps of the {@code maxVideos} most recently completed videos, oldest first. */
    List<StepSample> recentSteps(int maxVideos);

    /**
     * One measured step of one video.
     *
     * @param step             the step's wire name ({@code script}, {@code adapt}, {@code audio}, {@code clips}, {@code assembly})
     * @param provider         the provider its ledger names for the step's operation, "unknown" when it has none
     * @param blocks           the video's number of blocks (audio, clips and assembly grow with it)
     * @param finishedAtMillis when the step ended, to prefer recent runs
     */
    record StepSample(String step, String provider, Duration took, int blocks, long finishedAtMillis) {
    }
}

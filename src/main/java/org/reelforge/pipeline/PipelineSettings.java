package org.reelforge.pipeline;

import java.math.BigDecimal;
import java.time.Duration;
import org.reelforge.video.RetryPolicy;

/**
 * Every number of the durable pipeline (SPEC §2, §4, §5), with the defaults users expect.
 *
 * @param maxJobRetries     a failed job is put back in the queue at most this many times, then it is failed
 * @param maxClipRetries    a failed clip is relaunched while retry_count is below this; at it, abandoned
 * @param firstPoll         delay from a clip's submission to its first poll
 * @param pollInterval      delay between polls of a pending clip, and before relaunching a failed one
 * @param stalePending      a clip pending this long without a change is checked and, if still running, relaunched
 * @param assemblyTimeout   from the first time clips are seen missing to assembling what exists
 * @param monitorInterval   period of the check-and-retry sweep
 * @param jobRetryDelay     wait before a failed job runs again (doubles with each attempt)
 * @param rateLimitWait     wait after a rate limit when the provider did not say how long
 * @param defaultBudgetUsd  spending limit of a video that does not set its own
 * @param rateLimitMaxWait  the longest a video waits out rate limits in a row before it stops as quota exceeded
 * @param assemblyLeadTime  a failed clip is not relaunched when the assembly deadline is closer than this (it could
 *                          not come back in time, so it would be paid for nothing)
 * @param clipConcurrency   at most this many generations in flight at the clip provider over all videos (0: no limit)
 * @param clipResolution    the resolution final clips are asked at; null for the model's default
 */
public record PipelineSettings(int maxJobRetries, int maxClipRetries, Duration firstPoll, Duration pollInterval,
                               Duration stalePending, Duration assemblyTimeout, Duration monitorInterval,
                               Duration jobRetryDelay, Duration rateLimitWait, BigDecimal defaultBudgetUsd,
                               Duration rateLimitMaxWait, Duration assemblyLeadTime, int clipConcurrency,
                               String clipResolution) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(3, 3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(15),
                Duration.ofMinutes(20), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60),
                new BigDecimal("10.00"), Duration.ofMinutes(30), Duration.ofMinutes(2), 0, null);
    }

    /** The retry rules these settings make. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxJobRetries, jobRetryDelay, maxClipRetries, pollInterval, rateLimitWait, rateLimitMaxWait);
    }

    public PipelineSettings withFirstPoll(Duration d) {
        Builder b = new Builder(this);
        b.firstPoll = d;
        return b.build();
    }

    public PipelineSettings withPollInterval(Duration d) {
        Builder b = new Builder(this);
        b.pollInterval = d;
        return b.build();
    }

    public PipelineSettings withJobRetryDelay(Duration d) {
        Builder b = new Builder(this);
        b.jobRetryDelay = d;
        return b.build();
    }

    public PipelineSettings withDefaultBudget(BigDecimal usd) {
        Builder b = new Builder(this);
        b.defaultBudgetUsd = usd;
        return b.build();
    }

    public PipelineSettings withAssemblyTimeout(Duration d) {
        Builder b = new Builder(this);
        b.assemblyTimeout = d;
        return b.build();
    }

    public PipelineSettings withRateLimitMaxWait(Duration d) {
        Builder b = new Builder(this);
        b.rateLimitMaxWait = d;
        return b.build();
    }

    public PipelineSettings withClipConcurrency(int limit) {
        Builder b = new Builder(this);
        b.clipConcurrency = limit;
        return b.build();
    }

    /** Final clips at {@code resolution} (checked against the model by the caller); null for the model's default. */
    public PipelineSettings withClipResolution(String resolution) {
        Builder b = new Builder(this);
        b.clipResolution = resolution;
        return b.build();
    }

    public PipelineSettings withMaxRetries(int jobs, int clips) {
        Builder b = new Builder(this);
        b.maxJobRetries = jobs;
        b.maxClipRetries = clips;
        return b.build();
    }

    /** The one place a changed copy is made. */
    private static final class Builder {
        private int maxJobRetries;
        private int maxClipRetries;
        private Duration firstPoll;
        private Duration pollInterval;
        private final Duration stalePending;
        private Duration assemblyTimeout;
        private final Duration monitorInterval;
        private Duration jobRetryDelay;
        private final Duration rateLimitWait;
        private BigDecimal defaultBudgetUsd;
        private Duration rateLimitMaxWait;
        private final Duration assemblyLeadTime;
        private int clipConcurrency;
        private String clipResolution;

        private Builder(PipelineSettings s) {
            maxJobRetries = s.maxJobRetries;
            maxClipRetries = s.maxClipRetries;
            firstPoll = s.firstPoll;
            pollInterval = s.pollInterval;
            stalePending = s.stalePending;
            assemblyTimeout = s.assemblyTimeout;
            monitorInterval = s.monitorInterval;
            jobRetryDelay = s.jobRetryDelay;
            rateLimitWait = s.rateLimitWait;
            defaultBudgetUsd = s.defaultBudgetUsd;
            rateLimitMaxWait = s.rateLimitMaxWait;
            assemblyLeadTime = s.assemblyLeadTime;
            clipConcurrency = s.clipConcurrency;
            clipResolution = s.clipResolution;
        }

        private PipelineSettings build() {
            return new PipelineSettings(maxJobRetries, maxClipRetries, firstPoll, pollInterval, stalePending,
                    assemblyTimeout, monitorInterval, jobRetryDelay, rateLimitWait, defaultBudgetUsd, rateLimitMaxWait,
                    assemblyLeadTime, clipConcurrency, clipResolution);
        }
    }
}

package org.reelforge.pipeline;

import java.math.BigDecimal;
import java.time.Duration;

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
 */
public record PipelineSettings(int maxJobRetries, int maxClipRetries, Duration firstPoll, Duration pollInterval,
                               Duration stalePending, Duration assemblyTimeout, Duration monitorInterval,
                               Duration jobRetryDelay, Duration rateLimitWait, BigDecimal defaultBudgetUsd) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(3, 3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(15),
                Duration.ofMinutes(20), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60),
                new BigDecimal("10.00"));
    }

    public PipelineSettings withFirstPoll(Duration d) {
        return new PipelineSettings(maxJobRetries, maxClipRetries, d, pollInterval, stalePending, assemblyTimeout,
                monitorInterval, jobRetryDelay, rateLimitWait, defaultBudgetUsd);
    }

    public PipelineSettings withPollInterval(Duration d) {
        return new PipelineSettings(maxJobRetries, maxClipRetries, firstPoll, d, stalePending, assemblyTimeout,
                monitorInterval, jobRetryDelay, rateLimitWait, defaultBudgetUsd);
    }

    public PipelineSettings withJobRetryDelay(Duration d) {
        return new PipelineSettings(maxJobRetries, maxClipRetries, firstPoll, pollInterval, stalePending, assemblyTimeout,
                monitorInterval, d, rateLimitWait, defaultBudgetUsd);
    }

    public PipelineSettings withDefaultBudget(BigDecimal usd) {
        return new PipelineSettings(maxJobRetries, maxClipRetries, firstPoll, pollInterval, stalePending, assemblyTimeout,
                monitorInterval, jobRetryDelay, rateLimitWait, usd);
    }
}

package org.reelforge.provider.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ProviderException;

class ProviderMeterTest {
    private final ProviderMeter meter = new ProviderMeter();

    @Test
    void callsAreCountedByOutcomeAndFailuresStillPropagate() {
        meter.time("veo", "submit", () -> "op");
        assertThatThrownBy(() -> meter.time("veo", "submit", () -> {
            throw ProviderException.rateLimited("veo", "429", Duration.ofSeconds(23));
        })).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> meter.time("veo", "submit", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        meter.mark("veo", "submit", ProviderException.refused("veo", null, "rai"));

        ProviderMeter.Series s = meter.snapshot().get(new ProviderMeter.Key("veo", "submit"));
        assertThat(s.outcomes()).containsEntry("ok", 1L).containsEntry("rate_limited", 1L).containsEntry("error", 1L)
                .containsEntry("refused_reply", 1L);
        assertThat(s.count()).isEqualTo(3);
    }

    @Test
    void latencyBucketsAreCumulativeAsPrometheusExpects() throws Exception {
        meter.time("llm", "script", () -> "fast");
        meter.time("llm", "script", () -> {
            try {
                Thread.sleep(120);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow";
        });

        long[] buckets = meter.snapshot().get(new ProviderMeter.Key("llm", "script")).buckets();
        assertThat(buckets[0]).isEqualTo(1);
        assertThat(buckets[buckets.length - 1]).isEqualTo(2);
        for (int i = 1; i < buckets.length; i++) {
            assertThat(buckets[i]).isGreaterThanOrEqualTo(buckets[i - 1]);
        }
        assertThat(meter.snapshot().get(new ProviderMeter.Key("llm", "script")).sumSeconds()).isGreaterThanOrEqualTo(0.12);
    }
}

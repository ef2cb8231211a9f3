package org.reelforge.provider.offline.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reelforge.ReelForgeException;
import org.reelforge.video.VideoId;

class LocalFaultsTest {
    private static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");

    @Test
    void readsEveryVariableFromTheEnvironment() {
        LocalFaults faults = LocalFaults.fromEnvironment(Map.of(LocalFaults.LATENCY, "20s", LocalFaults.FAILURE_RATE, "0.2",
                LocalFaults.STUCK_RATE, "0.1", LocalFaults.REFUSAL_RATE, "0.05", LocalFaults.SEED, "42"));
        assertThat(faults).isEqualTo(new LocalFaults(Duration.ofSeconds(20), 0.2, 0.1, 0.05, 42));
    }

    @Test
    void unsetVariablesMeanNoFaults() {
        assertThat(LocalFaults.fromEnvironment(Map.of())).isEqualTo(LocalFaults.NONE);
    }

    @Test
    void latencyAcceptsMillisecondsSecondsMinutesAndHours() {
        assertThat(LocalFaults.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LocalFaults.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LocalFaults.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LocalFaults.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LocalFaults.duration("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void invalidValuesNameTheVariableAndTheRule() {
        assertThatThrownBy(() -> LocalFaults.fromEnvironment(Map.of(LocalFaults.LATENCY, "soon")))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining("REELFORGE_LOCAL_CLIP_LATENCY").hasMessageContaining("500ms");
        assertThatThrownBy(() -> LocalFaults.fromEnvironment(Map.of(LocalFaults.FAILURE_RATE, "1.5")))
                .hasMessageContaining("REELFORGE_LOCAL_CLIP_FAILURE_RATE").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> LocalFaults.fromEnvironment(Map.of(LocalFaults.REFUSAL_RATE, "lots")))
                .hasMessageContaining("REELFORGE_LOCAL_CLIP_REFUSAL_RATE");
        assertThatThrownBy(() -> LocalFaults.fromEnvironment(Map.of(LocalFaults.SEED, "x")))
                .hasMessageContaining("REELFORGE_LOCAL_SEED");
        assertThatThrownBy(() -> LocalFaults.fromEnvironment(Map.of(LocalFaults.FAILURE_RATE, "0.6", LocalFaults.STUCK_RATE, "0.6")))
                .hasMessageContaining("at most 1");
    }

    @Test
    void fateDependsOnlyOnSeedVideoBlockAndAttempt() {
        LocalFaults faults = new LocalFaults(Duration.ZERO, 0.3, 0.2, 0.2, 7);
        LocalFaults same = new LocalFaults(Duration.ZERO, 0.3, 0.2, 0.2, 7);
        LocalFaults other = new LocalFaults(Duration.ZERO, 0.3, 0.2, 0.2, 8);
        int differences = 0;
        for (int block = 1; block <= 30; block++) {
            assertThat(faults.fate(VIDEO, block, 1)).isEqualTo(same.fate(VIDEO, block, 1));
            differences += faults.fate(VIDEO, block, 1) == other.fate(VIDEO, block, 1) ? 0 : 1;
        }
        assertThat(differences).isPositive();
    }

    @Test
    void ratesAreSharesOfSubmissions() {
        LocalFaults faults = new LocalFaults(Duration.ZERO, 0.5, 0, 0, 1);
        long failing = 0;
        for (int attempt = 1; attempt <= 2000; attempt++) {
            failing += faults.fate(VIDEO, 1, attempt) == LocalFaults.Fate.SUCCEEDS ? 0 : 1;
        }
        assertThat(failing).isBetween(900L, 1100L);
    }
}

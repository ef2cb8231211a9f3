package org.reelforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reelforge.ReelForgeException;

class WorkerSettingsTest {
    @Test
    void byDefaultADeadNodesRunsMoveOnWithinTenSeconds() {
        WorkerSettings d = WorkerSettings.fromEnvironment(Map.of());

        assertThat(d.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.deadAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.worstPickup()).isEqualTo(Duration.ofSeconds(8)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(d.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.longestStop()).isEqualTo(Duration.ofSeconds(70));
    }

    @Test
    void heartbeatsAndGraceComeFromTheEnvironment() {
        WorkerSettings s = WorkerSettings.fromEnvironment(Map.of(WorkerSettings.HEARTBEAT, "500ms",
                WorkerSettings.MISSED, "8", WorkerSettings.GRACE, "2m"));

        assertThat(s.deadAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadValueIsRefusedNamingTheVariableAndTheRule() {
        assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of(WorkerSettings.HEARTBEAT, "often")))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining(WorkerSettings.HEARTBEAT).hasMessageContaining("often");
        assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of(WorkerSettings.MISSED, "1")))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining("from 2 to 100");
        assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of(WorkerSettings.GRACE, "2h")))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining(WorkerSettings.GRACE);
    }
}

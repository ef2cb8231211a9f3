package org.reelforge.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.bench.VeoReplicaServer;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.veo.VeoClipGenerator;

/**
 * The benchmarks' Veo replica is a faithful enough Veo for the real {@link VeoClipGenerator}: the whole clip contract
 * passes against it, and an operation stays running until the configured latency has passed.
 */
class VeoBenchReplicaContractIT extends ClipGeneratorContract {
    @TempDir
    static Path shared;
    static byte[] clip;
    static VeoReplicaServer instant;

    @BeforeAll
    static void start() throws Exception {
        clip = VeoReplicaServer.cannedClip(shared);
        instant = VeoReplicaServer.start(0, Duration.ZERO, clip);
    }

    @AfterAll
    static void stop() {
        instant.close();
    }

    private static ClipGenerator on(VeoReplicaServer replica) {
        return VeoClipGenerator.fromEnvironment(Map.of("REELFORGE_GEMINI_API_KEY", "bench-key",
                "REELFORGE_GEMINI_BASE_URL", replica.baseUrl(), "REELFORGE_VEO_MODEL", "veo-3.1-fast-generate-preview"),
                "veo-3.1-fast-generate-preview", org.reelforge.provider.replica.Models.clips("gemini-api")).orElseThrow();
    }

    @Override
    ClipGenerator generator() {
        return on(instant);
    }

    @Override
    String unknownOperation() {
        return "models/veo-3.1-fast-generate-preview/operations/op999999";
    }

    @Test
    void anOperationRunsUntilTheLatencyHasPassedAndTheReplicaCountsWhatItServed() throws Exception {
        try (VeoReplicaServer slow = VeoReplicaServer.start(0, Duration.ofMillis(700), clip)) {
            ClipGenerator g = on(slow);
            String op = g.submit(request(1, Optional.empty())).operationName();

            assertThat(g.poll(op)).isInstanceOf(ClipGenerator.Poll.Running.class);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> g.poll(op) instanceof ClipGenerator.Poll.Done);
            g.submit(request(1, Optional.empty()));

            assertThat(slow.stats()).containsEntry("submissions", 2L).containsEntry("prompts_submitted_twice", 1L);
            assertThat(slow.stats().get("polls")).isGreaterThanOrEqualTo(2L);
        }
    }
}

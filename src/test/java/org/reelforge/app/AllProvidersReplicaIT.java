package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.provider.replica.Replica;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Video;

/**
 * A whole `generate` against replicas of every real provider at once (Gemini script, Veo clips, ElevenLabs
 * voice, Whisper captions), served on loopback: no request leaves the machine. Counts every paid call and
 * checks the ledger total against the default price table.
 */
class AllProvidersReplicaIT {
    private static final int BLOCKS = 2;
    private static final int SECONDS = 8;
    @TempDir
    static Path shared;
    static Replica replica;
    static WireMockServer server;

    @BeforeAll
    static void startReplicas() {
        replica = Replica.start(shared, BLOCKS, SECONDS);
        server = replica.server();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>(replica.environment());
        env.putAll(Map.of("REELFORGE_FIRST_POLL", "200ms", "REELFORGE_POLL_INTERVAL", "200ms"));
        return env;
    }

    private Video generate(Path data, String mode, String strategy) {
        int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env())), "generate", "--theme", "Les volcans",
                "--duration", String.valueOf(BLOCKS * SECONDS), "--mode", mode, "--clip-strategy", strategy,
                "--out", data.resolve("out.mp4").toString(), "--data-dir", data.toString(), "--quiet");
        assertThat(code).isEqualTo(ExitCodes.DONE);
        assertThat(Probe.of(Ffmpeg.onPath(), data.resolve("out.mp4")).durationMillis()).isBetween(15_800L, 16_200L);
        try (Database db = Database.sqlite(data)) {
            return new JdbiVideoRuns(db).page(null, null, 0, 1).get(0);
        }
    }

    private static List<CostEntry> spent(Path data, Video v) {
        try (Database db = Database.sqlite(data)) {
            return new JdbiVideoRuns(db).load(v.id()).orElseThrow().costs().stream()
                    .filter(e -> e.kind() == CostEntry.Kind.SPENT).toList();
        }
    }

    private static Map<String, Long> callsByOperation(List<CostEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(e -> e.provider() + " " + e.operation().wireName() + " " + e.unit().wireName(),
                Collectors.counting()));
    }

    @Test
    void nativeAudioInParallelPaysOneScriptTwoClipsAndOneTranscription(@TempDir Path data) {
        server.resetRequests();
        Video v = generate(data, "native_audio", "parallel");

        List<CostEntry> spent = spent(data, v);
        assertThat(callsByOperation(spent)).containsOnly(
                Map.entry("gemini-2.5-flash script input_token", 1L), Map.entry("gemini-2.5-flash script output_token", 1L),
                Map.entry("veo-3.1-fast-generate-preview clip second", 2L),
                Map.entry("whisper-1 transcription minute", 1L));
        // 1000 in × $0.30/M + 500 out (400 + 100 thinking) × $2.50/M + 16 s of Veo Fast × $0.10
        // + 16 s of joined audio transcribed × $0.006/min
        BigDecimal expected = new BigDecimal("0.0003").add(new BigDecimal("0.00125")).add(new BigDecimal("1.60"))
                .add(new BigDecimal("0.0016"));
        assertThat(total(spent)).isEqualByComparingTo(expected);
        assertThat(server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*:predictLongRunning")))).hasSize(2);
        assertThat(server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())))
                .allSatisfy(r -> assertThat(r.getUrl()).doesNotContain("test-gemini-key"));
    }

    @Test
    void narratedInExtendModeAdaptsVoicesEachBlockAndExtendsThePreviousClip(@TempDir Path data) {
        server.resetRequests();
        Video v = generate(data, "narrated", "extend");

        List<CostEntry> spent = spent(data, v);
        assertThat(callsByOperation(spent)).containsOnly(
                Map.entry("gemini-2.5-flash script input_token", 1L), Map.entry("gemini-2.5-flash script output_token", 1L),
                Map.entry("gemini-2.5-flash adapt input_token", 1L), Map.entry("gemini-2.5-flash adapt output_token", 1L),
                Map.entry("eleven_multilingual_v2 voice character", 2L),
                Map.entry("veo-3.1-fast-generate-preview clip second", 2L));
        List<String> starts = server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*:predictLongRunning")))
                .stream().map(r -> r.getBodyAsString()).toList();
        assertThat(starts).hasSize(2);
        assertThat(starts.get(0)).doesNotContain("\"video\"");
        assertThat(starts.get(1)).contains("\"video\":{\"uri\":\"" + server.baseUrl() + "/v1beta/files/op");
        long characters = spent.stream().filter(e -> e.operation().equals("voice")).mapToLong(e -> (long) e.units()).sum();
        BigDecimal expected = new BigDecimal("0.0003").add(new BigDecimal("0.00125")).multiply(BigDecimal.valueOf(2))
                .add(new BigDecimal("1.60")).add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(characters)));
        assertThat(total(spent)).isEqualByComparingTo(expected);
    }

    private static BigDecimal total(List<CostEntry> spent) {
        return BigDecimal.valueOf(spent.stream().mapToLong(CostEntry::amountMicroUsd).sum(), 6);
    }
}

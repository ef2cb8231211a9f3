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
 * A whole `generate` against replicas of every real provider at once (Gemini script, Gemini Omni Flash clips through
 * the Interactions API, ElevenLabs voice, Whisper captions), served on loopback: no request leaves the machine. Counts every paid call and
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
    void nativeAudioInParallelPaysOneScriptTwoOmniClipsAndOneTranscription(@TempDir Path data) {
        server.resetRequests();
        int creates = replica.interactions().creates();
        Video v = generate(data, "native_audio", "parallel");

        List<CostEntry> spent = spent(data, v);
        assertThat(callsByOperation(spent)).containsOnly(
                Map.entry("gemini-3.8-flash script input_token", 1L), Map.entry("gemini-3.8-flash script output_token", 1L),
                Map.entry("gemini-omni-1.1-flash@720p clip output_token", 2L),
                Map.entry("whisper-1 transcription minute", 1L));
        // 1000 in × $0.30/M + 500 out (400 + 100 thinking) × $2.50/M + 2 × 8 s × 5,792 video tokens × $17.50/M
        // + 16 s of joined audio transcribed × $0.006/min
        BigDecimal expected = new BigDecimal("0.0003").add(new BigDecimal("0.00125")).add(new BigDecimal("1.62176"))
                .add(new BigDecimal("0.0016"));
        assertThat(total(spent)).isEqualByComparingTo(expected);
        assertThat(replica.interactions().creates() - creates).isEqualTo(2);
        assertThat(server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*:predictLongRunning")))).isEmpty();
        assertThat(server.findAll(WireMock.getRequestedFor(WireMock.urlEqualTo("/v1beta/models/gemini-omni-1.1-flash"))))
                .as("the pre-flight looks the clip model up (once the engine calls it)").hasSizeLessThanOrEqualTo(1);
        assertThat(server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())))
                .allSatisfy(r -> assertThat(r.getUrl()).doesNotContain("test-gemini-key"));
        assertThat(server.findAll(WireMock.getRequestedFor(WireMock.urlMatching("/cdn/.*"))))
                .allSatisfy(r -> assertThat(r.getHeader("x-goog-api-key")).isNull());
    }

    @Test
    void narratedInExtendModeAdaptsVoicesEachBlockAndExtendsThePreviousInteraction(@TempDir Path data) {
        server.resetRequests();
        Video v = generate(data, "narrated", "extend");

        List<CostEntry> spent = spent(data, v);
        assertThat(callsByOperation(spent)).containsOnly(
                Map.entry("gemini-3.8-flash script input_token", 1L), Map.entry("gemini-3.8-flash script output_token", 1L),
                Map.entry("gemini-3.8-flash adapt input_token", 1L), Map.entry("gemini-3.8-flash adapt output_token", 1L),
                Map.entry("eleven_multilingual_v2 voice character", 2L),
                Map.entry("gemini-omni-1.1-flash@720p clip output_token", 2L));
        List<String> creates = server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching("/v1beta/interactions")))
                .stream().map(r -> r.getBodyAsString()).toList();
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0)).doesNotContain("previous_interaction_id");
        assertThat(creates.get(1)).contains("\"previous_interaction_id\":\"v1_", "Extend this video", "\"task\":\"extend\"");
        long characters = spent.stream().filter(e -> e.operation().wireName().equals("voice")).mapToLong(e -> (long) e.units()).sum();
        BigDecimal expected = new BigDecimal("0.0003").add(new BigDecimal("0.00125")).multiply(BigDecimal.valueOf(2))
                .add(new BigDecimal("1.62176")).add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(characters)));
        assertThat(total(spent)).isEqualByComparingTo(expected);
    }

    @Test
    void anchoredRendersBlockOneFirstThenTheOthersWithItsKeyFrameAndTheVideoNeitherFreezesNorFallsSilent(@TempDir Path data) {
        server.resetRequests();
        Video v = generate(data, "native_audio", "anchored");

        assertThat(callsByOperation(spent(data, v))).contains(Map.entry("gemini-omni-1.1-flash@720p clip output_token", 2L));
        List<String> creates = server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching("/v1beta/interactions")))
                .stream().map(r -> r.getBodyAsString()).toList();
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0)).as("block 1 has no reference").doesNotContain("<IMAGE_REF_0>", "\"type\":\"image\"");
        assertThat(creates.get(1)).as("block 2 carries block 1's key frame")
                .contains("<IMAGE_REF_0>", "\"type\":\"image\"", "\"mime_type\":\"image/png\"");
        String detected = detect(data.resolve("out.mp4"));
        assertThat(detected).as("no frozen stretch of 0.5 s or more").doesNotContain("freeze_start");
        assertThat(detected).as("no silent stretch of 0.5 s or more at -50 dB").doesNotContain("silence_start");
    }

    @Test
    void vertexExtendAsksForSevenSecondsPerExtensionAndTheVideoNeitherFreezesNorFallsSilent(@TempDir Path data)
            throws Exception {
        Path script = java.nio.file.Files.writeString(data.resolve("script.json"), """
                {"title":"Les phares","style_guide":"a lighthouse on a cliff, storm light, slow drone shots","blocks":[
                 {"index":1,"duration":8,"visual_prompt":"a lighthouse at dusk in a storm","spoken_text":"Les phares guident les marins depuis deux mille ans.","on_screen_text":null},
                 {"index":2,"duration":7,"visual_prompt":"its beam sweeping over the waves","spoken_text":"Leur lumière porte à plus de trente kilomètres.","on_screen_text":null}]}""");
        Map<String, String> env = new java.util.HashMap<>(env());
        env.putAll(replica.vertexEnvironment());
        int before = replica.vertexSubmits().size();
        Path out = data.resolve("out.mp4");
        int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), "generate", "--theme", "Les phares",
                "--duration", "15", "--clip-strategy", "extend", "--script", script.toString(), "--out", out.toString(),
                "--data-dir", data.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        List<String> submits = replica.vertexSubmits().subList(before, replica.vertexSubmits().size());
        assertThat(submits).hasSize(2);
        assertThat(submits.get(0)).doesNotContain("\"video\"").contains("\"durationSeconds\":8");
        assertThat(submits.get(1)).as("the extension sends block 1's video and asks for what one extension adds")
                .contains("\"bytesBase64Encoded\"", "\"durationSeconds\":7");
        assertThat(Probe.of(Ffmpeg.onPath(), out).durationMillis()).isBetween(14_800L, 15_200L);
        String detected = detect(out);
        assertThat(detected).as("no frozen stretch at the join").doesNotContain("freeze_start");
        assertThat(detected).as("no silent stretch at the join").doesNotContain("silence_start");
        try (Database db = Database.sqlite(data)) {
            Video v = new JdbiVideoRuns(db).page(null, null, 0, 1).get(0);
            assertThat(callsByOperation(spent(data, v))).contains(Map.entry("veo-3.1-fast-generate-001@720p clip second", 2L));
        }
    }

    /** ffmpeg's freezedetect and silencedetect over a file: their log lines (empty when nothing is found). */
    private static String detect(Path file) {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(), "-vf",
                    "freezedetect=n=0.001:d=0.5", "-af", "silencedetect=n=-50dB:d=0.5", "-f", "null", "-")
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(log).isZero();
            return log.lines().filter(l -> l.contains("freezedetect") || l.contains("silencedetect"))
                    .collect(Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClipOmniRefusesIsBookedAtZeroRewrittenOnceAndTheVideoIsDeliveredWhole(@TempDir Path data) throws Exception {
        int creates = replica.interactions().creates();
        Path script = java.nio.file.Files.writeString(data.resolve("script.json"), """
                {"title": "Les volcans", "style_guide": "Basalt cliffs, orange lava, grey sky",
                 "blocks": [
                   {"index": 1, "duration": 8, "visual_prompt": "Orange lava flows down a black slope",
                    "spoken_text": "Voici le volcan et la lave qui coule."},
                   {"index": 2, "duration": 8, "visual_prompt": "REFUSE_ME a crowd running from the eruption",
                    "spoken_text": "La foule fuit devant la lave."}]}""");
        int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env())), "generate", "--theme", "Les volcans",
                "--duration", "16", "--script", script.toString(), "--out", data.resolve("out.mp4").toString(), "--data-dir", data.toString(),
                "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        assertThat(Probe.of(Ffmpeg.onPath(), data.resolve("out.mp4")).durationMillis()).isBetween(15_800L, 16_200L);
        Video v;
        try (Database db = Database.sqlite(data)) {
            v = new JdbiVideoRuns(db).page(null, null, 0, 1).get(0);
        }
        List<CostEntry> clips = spent(data, v).stream().filter(e -> e.operation().wireName().equals("clip")).toList();
        assertThat(clips).as("block 1, block 2 refused, block 2 rewritten").hasSize(3);
        assertThat(clips).filteredOn(e -> e.amountMicroUsd() == 0).singleElement()
                .satisfies(e -> assertThat(e.charge().note()).startsWith("refused: ").contains("safety filters"));
        assertThat(spent(data, v)).filteredOn(e -> e.operation().wireName().equals("rewrite")).isNotEmpty();
        assertThat(replica.interactions().creates() - creates).isEqualTo(3);
        List<String> bodies = server.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching("/v1beta/interactions")))
                .stream().map(r -> r.getBodyAsString()).toList();
        assertThat(bodies.get(bodies.size() - 1)).contains("A calm valley in soft teal light").doesNotContain("REFUSE_ME");
    }

    @Test
    void aShutDownClipModelStopsTheVideoBeforeAnyPaidCall(@TempDir Path data) {
        server.resetRequests();
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("REELFORGE_CLIP_PROVIDER", "veo");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), "generate", "--theme", "Les volcans",
                    "--duration", "16", "--data-dir", data.toString(), "--quiet");
        } finally {
            System.setErr(old);
        }

        assertThat(code).isEqualTo(ExitCodes.VIDEO_FAILED);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("REELFORGE_CLIP_PROVIDER");
        Video v;
        try (Database db = Database.sqlite(data)) {
            v = new JdbiVideoRuns(db).page(null, null, 0, 1).get(0);
        }
        assertThat(v.errorCategory()).isEqualTo(org.reelforge.video.ErrorCategory.MODEL_UNAVAILABLE);
        assertThat(spent(data, v)).as("nothing paid: not even the script").isEmpty();
        assertThat(server.findAll(WireMock.postRequestedFor(WireMock.anyUrl()))).as("no paid request was sent").isEmpty();
    }

    private static BigDecimal total(List<CostEntry> spent) {
        return BigDecimal.valueOf(spent.stream().mapToLong(CostEntry::amountMicroUsd).sum(), 6);
    }
}

package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Loudness;
import org.reelforge.media.Probe;
import org.reelforge.wire.VideoView;
import org.reelforge.wire.Json;
import org.reelforge.wire.ScriptDocument;
import org.reelforge.video.Block;
import org.reelforge.video.Script;

/**
 * Real `generate` runs with the offline providers: real ffmpeg, espeak-ng, alignment and SQLite. The output
 * is checked the way a person would: probe, loudness, captions against what the script says.
 */
class GenerateEndToEndIT {
    private static final Ffmpeg FFMPEG = Ffmpeg.onPath();
    @TempDir
    Path dir;

    private int cli(String... args) {
        Map<String, String> env = Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "0");
        return ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), args);
    }

    private VideoView.Detail onlyVideo(Path data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli("list", "--json", "--data-dir", data.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        String id = Json.MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8)).get(0).get("video_id").asText();
        bytes.reset();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli("status", id, "--json", "--data-dir", data.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        return Json.MAPPER.readValue(bytes.toString(StandardCharsets.UTF_8), VideoView.Detail.class);
    }

    @Test
    void frenchNativeAudioVideoIsARealVerticalVideoWithWordTimedCaptions() throws IOException {
        Path data = dir.resolve("data");
        Path out = dir.resolve("volcans.mp4");
        int code = cli("generate", "--theme", "Les volcans d'Islande", "--duration", "12", "--language", "fr",
                "--out", out.toString(), "--data-dir", data.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        VideoView.Detail r = onlyVideo(data);
        int blocksSeconds = r.blocks().stream().mapToInt(VideoView.BlockView::duration).sum();
        assertPlayableVertical(out, blocksSeconds);
        assertCaptionsFollowTheScript(data.resolve("videos").resolve(r.videoId()), r, blocksSeconds);
        assertThat(r.blocks()).allSatisfy(b -> assertThat(b.clip().submissions()).isEqualTo(1));
        assertThat(Files.size(data.resolve("videos").resolve(r.videoId()).resolve("thumbnail.jpg"))).isPositive();
    }

    @Test
    void englishNarratedVideoExtendingEachBlockGetsItsVoiceOverAndCaptions() throws IOException {
        Path data = dir.resolve("data");
        Path out = dir.resolve("owls.mp4");
        int code = cli("generate", "--theme", "How owls see at night", "--duration", "10", "--language", "en",
                "--style", "storytelling", "--mode", "narrated", "--clip-strategy", "extend",
                "--out", out.toString(), "--data-dir", data.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        VideoView.Detail r = onlyVideo(data);
        int blocksSeconds = r.blocks().stream().mapToInt(VideoView.BlockView::duration).sum();
        assertPlayableVertical(out, blocksSeconds);
        assertCaptionsFollowTheScript(data.resolve("videos").resolve(r.videoId()), r, blocksSeconds);
        assertThat(r.lastSuccessfulStep()).isEqualTo("video_assembled");
        assertThat(r.events()).extracting(VideoView.EventView::type).contains("script_adapted", "audio_generated");
    }

    @Test
    void hostileThemeAndUserScriptAreRenderedVerbatimWithoutBreakingFfmpegOrAss() throws IOException {
        String nasty = "L'\"IA\" \\N {\\b1\\c&H0000FF&} a:b;c $(rm -rf /) `id` %{pts} 🌋 שלום مرحبا";
        Script script = new Script("Titre " + nasty, "neon", List.of(
                new Block(1, 4, "red pulse " + nasty, "Bonjour, voici " + nasty + " en vrai.", nasty),
                new Block(2, 4, "blue drift", "Et c'est tout: {fin} \\ merci.", null)));
        Path scriptFile = dir.resolve("script.json");
        Files.writeString(scriptFile, Json.write(ScriptDocument.of(script)));
        Path data = dir.resolve("data");
        int code = cli("generate", "--theme", nasty + "\nligne deux", "--duration", "8", "--script", scriptFile.toString(),
                "--out", dir.resolve("nasty.mp4").toString(), "--data-dir", data.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        VideoView.Detail r = onlyVideo(data);
        assertThat(r.theme()).isEqualTo(nasty + "\nligne deux");
        assertPlayableVertical(dir.resolve("nasty.mp4"), 8);
        String srt = Files.readString(data.resolve("videos").resolve(r.videoId()).resolve("captions.srt"));
        assertThat(srt).contains("{fin}", "$(rm", "`id`", "שלום");
    }

    private static void assertPlayableVertical(Path file, int seconds) {
        Probe p = Probe.of(FFMPEG, file);
        assertThat(p.width()).isEqualTo(1080);
        assertThat(p.height()).isEqualTo(1920);
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.videoProfile()).isEqualTo("High");
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.sampleRate()).isEqualTo(48_000);
        assertThat(p.durationMillis()).isBetween(seconds * 1000L - 200, seconds * 1000L + 200);
        Loudness l = Loudness.measure(FFMPEG, file);
        assertThat(l.integratedLufs()).isBetween(-15.0, -13.0);
        assertThat(l.truePeakDbtp()).isLessThanOrEqualTo(-1.0);
    }

    private static void assertCaptionsFollowTheScript(Path videoDir, VideoView.Detail r, int seconds) throws IOException {
        CaptionsFile captions = CaptionsFile.readSrt(videoDir.resolve("captions.srt"));
        List<String> spoken = new ArrayList<>();
        r.blocks().forEach(b -> spoken.addAll(words(b.spokenText())));
        assertThat(captions.words()).isEqualTo(spoken);
        long previous = -1;
        for (CaptionsFile.Cue cue : captions.cues()) {
            assertThat(cue.startMillis()).isGreaterThanOrEqualTo(previous);
            assertThat(cue.endMillis()).isGreaterThan(cue.startMillis()).isLessThanOrEqualTo(seconds * 1000L);
            previous = cue.endMillis();
        }
        assertThat(Files.readString(videoDir.resolve("captions.ass"))).contains("Dialogue:", "&H00FFFF&");
    }

    /** Words as captions show them: whitespace-separated runs with at least one letter or digit. */
    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+")).stream()
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
    }

}

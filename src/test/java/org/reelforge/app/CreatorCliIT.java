package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.video.Block;
import org.reelforge.video.Script;
import org.reelforge.wire.Json;
import org.reelforge.wire.ScriptDocument;

/**
 * The creator options from the command line, offline with real ffmpeg, espeak-ng and SQLite: a square video with pop
 * captions, music from a file and the person's own clip for a block; captions corrected and burned again; the music
 * library, the voices and the media command; bad values named by their option, with nothing queued.
 */
class CreatorCliIT {
    private static final Ffmpeg FFMPEG = Ffmpeg.onPath();
    @TempDir
    Path dir;

    /** @param err what the command printed on stderr, without the libraries' log lines */
    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            Map<String, String> env = Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "0");
            code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        oldErr.print(errors);
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), String.join("\n",
                errors.lines().filter(l -> !l.startsWith("[main] ")).toList()));
        return run;
    }

    private JsonNode status(Path data, String id) throws IOException {
        Run r = cli("status", id, "--json", "--data-dir", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    private String onlyVideoId(Path data) throws IOException {
        Run r = cli("list", "--json", "--data-dir", data.toString());
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertThat(list).hasSize(1);
        return list.get(0).get("video_id").asText();
    }

    private Path script(String name) throws IOException {
        Script script = new Script("Les phares", "sea light", List.of(
                new Block(1, 4, "a lighthouse at dusk", "Les phares guident les marins depuis deux mille ans.", null),
                new Block(2, 4, "a beam over the waves", "Leur lumière porte à plus de trente kilomètres.", null)));
        Path file = dir.resolve(name);
        Files.writeString(file, Json.write(ScriptDocument.of(script)));
        return file;
    }

    private Path clip() {
        Path clip = dir.resolve("my clip.mp4");
        FFMPEG.ffmpeg("make a creator's clip", dir, List.of("-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=660:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Ffmpeg.fileArg(clip)));
        return clip;
    }

    private Path track() {
        Path wav = dir.resolve("calm.wav");
        FFMPEG.ffmpeg("make a test track", dir, List.of("-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=20",
                "-ar", "44100", Ffmpeg.fileArg(wav)));
        return wav;
    }

    @Test
    void aSquarePopVideoWithMusicFromAFileAndOwnClipForBlockOneThenCaptionsCorrectedWithoutPaying() throws IOException {
        Path data = dir.resolve("data");
        Path out = dir.resolve("phares.mp4");
        Run made = cli("generate", "--theme", "Les phares", "--duration", "8", "--script", script("script.json").toString(),
                "--aspect", "1:1", "--caption-style", "pop", "--caption-highlight", "#00E5FF", "--music", track().toString(),
                "--music-volume", "60", "--media", "1=" + clip() + ":silent", "--out", out.toString(),
                "--data-dir", data.toString(), "--quiet");

        assertThat(made.code()).as(made.err()).isEqualTo(ExitCodes.DONE);
        assertThat(made.err()).contains("Block 1 is made from my clip.mp4 (without its sound)", "is in the library");
        Probe probe = Probe.of(FFMPEG, out);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1080);
        String id = onlyVideoId(data);
        JsonNode video = status(data, id);
        assertThat(video.path("status").asText()).isEqualTo("completed");
        assertThat(video.path("output").path("aspect").asText()).isEqualTo("1:1");
        assertThat(video.path("output").path("caption_style").asText()).isEqualTo("pop");
        assertThat(video.path("output").path("music").asText()).matches("trk_[0-9a-f]{16}");
        assertThat(video.path("output").path("music_volume").asInt()).isEqualTo(60);
        JsonNode block1 = video.path("blocks").get(0);
        assertThat(block1.path("media").path("kind").asText()).isEqualTo("video");
        assertThat(block1.path("media").path("keep_sound").asBoolean()).isFalse();
        assertThat(block1.path("clip").path("submissions").asInt()).as("own media goes to no provider").isZero();
        assertThat(video.path("blocks").get(1).path("clip").path("submissions").asInt()).isEqualTo(1);
        Run library = cli("music", "list", "--data-dir", data.toString());
        assertThat(library.out()).contains(video.path("output").path("music").asText(), "calm.wav", "20 s");

        Run captions = cli("captions", id, "--data-dir", data.toString());
        assertThat(captions.code()).as(captions.err()).isZero();
        JsonNode words = Json.MAPPER.readTree(captions.out());
        assertThat(words.path("edited").asBoolean()).isFalse();
        assertThat(words.path("words").get(0).path("text").asText()).isEqualToIgnoringCase("Les");
        String corrected = captions.out().replaceFirst("\"(?i:phares)\"", "\"PHARES\"");
        assertThat(corrected).isNotEqualTo(captions.out());
        Path edit = dir.resolve("captions.json");
        Files.writeString(edit, corrected);
        Run set = cli("captions", id, "--set", edit.toString(), "--data-dir", data.toString(), "--quiet");

        assertThat(set.code()).as(set.err()).isEqualTo(ExitCodes.DONE);
        assertThat(set.err()).contains("nothing to pay");
        assertThat(Json.MAPPER.readTree(cli("captions", id, "--data-dir", data.toString()).out()).path("edited").asBoolean())
                .isTrue();
        assertThat(Files.readString(data.resolve("videos").resolve(id).resolve("captions.srt"))).contains("PHARES");
        JsonNode after = status(data, id);
        assertThat(after.path("status").asText()).isEqualTo("completed");
        assertThat(after.path("blocks").get(1).path("clip").path("submissions").asInt()).as("nothing rendered again")
                .isEqualTo(1);
    }

    @Test
    void withReviewTheOwnPictureIsAttachedByTheMediaCommandAndUsedAtApproval() throws IOException {
        Path data = dir.resolve("data");
        Run held = cli("generate", "--theme", "Les phares", "--duration", "8", "--script", script("s.json").toString(),
                "--review", "--data-dir", data.toString(), "--quiet");
        assertThat(held.code()).as(held.err()).isZero();
        assertThat(held.out()).contains("awaits your approval");
        String id = onlyVideoId(data);
        Path picture = dir.resolve("photo.png");
        FFMPEG.ffmpeg("make a picture", dir, List.of("-y", "-f", "lavfi", "-i", "testsrc2=size=800x600", "-frames:v", "1",
                Ffmpeg.fileArg(picture)));

        Run missing = cli("media", id, "3", picture.toString(), "--data-dir", data.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Invalid --media: the script has 2 blocks, there is no block 3");
        Run notMedia = cli("media", id, "2", script("s.json").toString(), "--data-dir", data.toString());
        assertThat(notMedia.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notMedia.err()).startsWith("Invalid --media: must be a video or a picture");
        Run attached = cli("media", id, "2", picture.toString(), "--data-dir", data.toString());
        assertThat(attached.code()).as(attached.err()).isZero();
        Run approved = cli("approve", id, "--data-dir", data.toString(), "--quiet");

        assertThat(approved.code()).as(approved.err()).isZero();
        JsonNode video = status(data, id);
        assertThat(video.path("status").asText()).isEqualTo("completed");
        assertThat(video.path("blocks").get(1).path("media").path("kind").asText()).isEqualTo("image");
        assertThat(video.path("blocks").get(1).path("clip").path("submissions").asInt()).isZero();
        assertThat(video.path("blocks").get(0).path("clip").path("submissions").asInt()).isEqualTo(1);
        assertThat(video.path("result").path("duration_seconds").asDouble()).isBetween(7.5, 8.6);
    }

    @Test
    void badCreatorValuesNameTheirOptionAndQueueNothing() throws IOException {
        Path data = dir.resolve("data");
        Path script = script("s.json");
        List<List<String>> cases = List.of(
                List.of("--caption-style", "fancy"), List.of("--aspect", "4:3"), List.of("--caption-color", "red"),
                List.of("--caption-size", "400"), List.of("--music", dir.resolve("nope.mp3").toString()),
                List.of("--music", "mood:Calm!"), List.of("--music-volume", "300"), List.of("--speech-rate", "3"),
                List.of("--voice", "$(id)"), List.of("--media", "3=" + script), List.of("--media", "1=" + dir.resolve("nope.mp4")),
                List.of("--media", "x=" + script));
        List<String> options = List.of("--caption-style", "--aspect", "--caption-color", "--caption-size", "--music",
                "--music", "--music-volume", "--speech-rate", "--voice", "--media", "--media", "--media");
        for (int i = 0; i < cases.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("generate", "--theme", "Les phares", "--duration", "8",
                    "--script", script.toString(), "--data-dir", data.toString(), "--quiet"));
            args.addAll(cases.get(i));
            Run r = cli(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", cases.get(i)) + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(String.join(" ", cases.get(i))).startsWith("Invalid " + options.get(i) + ": ")
                    .doesNotContain("Exception", "\tat ");
        }
        Run list = cli("list", "--json", "--data-dir", data.toString());
        assertThat(Json.MAPPER.readTree(list.out())).as("nothing was queued").isEmpty();
    }

    @Test
    void theVoicesOfEachLanguageAndTheMusicLibraryAreListedAndATrackIsRemoved() throws IOException {
        Path data = dir.resolve("data");
        Run en = cli("voices", "--language", "en", "--data-dir", data.toString());
        assertThat(en.code()).as(en.err()).isZero();
        assertThat(en.out().lines().toList()).hasSizeGreaterThan(1);
        assertThat(en.out().lines().findFirst().orElseThrow()).endsWith("(default)");
        Run ja = cli("voices", "--language", "ja", "--json", "--data-dir", data.toString());
        assertThat(Json.MAPPER.readTree(ja.out()).get(0).path("language").asText()).startsWith("ja");
        assertThat(cli("voices", "--language", "xx-1", "--data-dir", data.toString()).err()).startsWith("Invalid --language:");

        Path wav = track();
        Run estimate = cli("generate", "--theme", "Les phares", "--duration", "8", "--music", wav.toString(), "--estimate",
                "--data-dir", data.toString());
        assertThat(estimate.code()).as(estimate.err()).isZero();
        assertThat(estimate.out().strip()).isEqualTo("0");
        assertThat(cli("music", "list", "--data-dir", data.toString()).out()).as("an estimate adds nothing")
                .contains("library is empty");

        Run added = cli("music", "add", wav.toString(), "--title", "Mer calme", "--mood", "calm,sea", "--data-dir",
                data.toString());
        assertThat(added.code()).as(added.err()).isZero();
        String track = added.out().split(" ")[0];
        assertThat(track).matches("trk_[0-9a-f]{16}");
        assertThat(cli("music", "list", "--data-dir", data.toString()).out()).contains(track, "Mer calme", "calm,sea");
        assertThat(cli("music", "remove", track, "--data-dir", data.toString()).code()).isZero();
        assertThat(cli("music", "list", "--data-dir", data.toString()).out()).contains("library is empty");
        assertThat(cli("music", "remove", track, "--data-dir", data.toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
    }
}

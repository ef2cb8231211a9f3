package org.reelforge.provider.offline.clips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.reelforge.media.AssText;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Fontconfig;
import org.reelforge.media.MediaException;
import org.reelforge.media.PartFile;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Draws one block's clip with ffmpeg's lavfi sources, the offline stand-in for a video model: 720×1280
 * at 24 fps (like Veo), H.264 + AAC 48 kHz stereo, exactly the block's duration. The picture follows
 * the prompt ({@link ClipLook}), shows the block's on-screen text (or the start of the prompt) and a
 * "block N" badge; the sound is the spoken text from a {@link SpeechSynthesizer}, sped up when it would
 * not fit, over a quiet room tone. Thread-safe if the synthesizer is; blocks for the render (seconds).
 * Each call needs its own {@code workDir}.
 */
public final class ClipRenderer {
    /** Fastest speech we accept before cutting the end off. */
    static final double MAX_RATE = 2.0;
    private static final int LINE_CHARS = 16;
    private static final int MAX_LINES = 3;

    private final Ffmpeg ffmpeg;
    private final SpeechSynthesizer speech;
    private final String x264Preset;

    public ClipRenderer(Ffmpeg ffmpeg, SpeechSynthesizer speech, String x264Preset) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.speech = Objects.requireNonNull(speech, "speech");
        this.x264Preset = Objects.requireNonNull(x264Preset, "x264Preset");
    }

    /** With x264 preset {@code veryfast}. */
    public ClipRenderer(Ffmpeg ffmpeg, SpeechSynthesizer speech) {
        this(ffmpeg, speech, "veryfast");
    }

    /**
     * What to draw.
     *
     * @param onScreenText text to show, may be null (then the start of the prompt is shown)
     * @param extendsBlock the block this one continues (extend mode), 0 when none
     */
    public record Scene(int blockIndex, int durationSeconds, String prompt, String spokenText, boolean withSpeech,
                        Language language, String onScreenText, ClipLook look, int extendsBlock) {
        public Scene {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(look, "look");
            if (durationSeconds <= 0) {
                throw new IllegalArgumentException("clip duration must be positive, got " + durationSeconds);
            }
        }
    }

    /** The clip written, the words it says (times in the clip) and how long it took. */
    public record Rendered(Path file, long durationMillis, List<TimedWord> words, double speechRate, long renderMillis) {
        public Rendered {
            words = List.copyOf(words);
        }
    }

    /** Renders {@code scene} to {@code target} (written under a temporary name, then renamed). */
    public Rendered render(Scene scene, Path target, Path workDir) {
        long started = System.nanoTime();
        int textLines = prepare(scene, workDir);
        boolean speaks = scene.withSpeech() && scene.spokenText() != null && !scene.spokenText().isBlank();
        Voice voice = speaks ? fittedSpeech(scene, workDir) : null;
        double seconds = scene.durationSeconds();
        Path temp = PartFile.of(target);
        List<String> args = new ArrayList<>();
        if (voice != null) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(voice.speech().audio())));
        }
        args.addAll(List.of("-filter_complex", ClipGraph.video(scene.look(), seconds, textLines) + ";"
                        + ClipGraph.audio(voice != null, seconds), "-map", "[vout]", "-map", "[aout]",
                "-c:v", "libx264", "-preset", x264Preset, "-crf", "23", "-pix_fmt", "yuv420p",
                "-r", String.valueOf(ClipGraph.FPS), "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
                "-t", String.format(Locale.ROOT, "%.3f", seconds), "-movflags", "+faststart", "-f", "mp4",
                Ffmpeg.fileArg(temp)));
        ffmpeg.ffmpeg("render the local clip of block " + scene.blockIndex(), workDir, args);
        PartFile.moveIntoPlace(temp, target);
        return new Rendered(target, scene.durationSeconds() * 1000L,
                voice == null ? List.of() : clipWords(voice.speech(), scene.durationSeconds() * 1000L),
                voice == null ? 0 : voice.rate(), (System.nanoTime() - started) / 1_000_000);
    }

    private record Voice(SpeechSynthesizer.Speech speech, double rate) {
    }

    /** Speaks the text; when it would overrun the block, speaks it again faster (at most {@link #MAX_RATE}). */
    private Voice fittedSpeech(Scene scene, Path workDir) {
        long budget = scene.durationSeconds() * 1000L - ClipGraph.SPEECH_DELAY_MILLIS - 200;
        Path file = workDir.resolve("speech.wav");
        SpeechSynthesizer.Speech first = speech.synthesize(scene.spokenText(), scene.language(), 1.0, file);
        if (first.durationMillis() <= budget) {
            return new Voice(first, 1.0);
        }
        double rate = Math.min(MAX_RATE, 1.04 * first.durationMillis() / budget);
        return new Voice(speech.synthesize(scene.spokenText(), scene.language(), rate, file), rate);
    }

    /** Word times moved by the speech delay; words beyond the clip's end are dropped (speech cut short). */
    private static List<TimedWord> clipWords(SpeechSynthesizer.Speech voice, long durationMillis) {
        return voice.words().stream().map(w -> w.shift(ClipGraph.SPEECH_DELAY_MILLIS))
                .filter(w -> w.endMillis() <= durationMillis).toList();
    }

    /** Writes the text files the graph draws and puts the font in the work dir; returns the number of text lines. */
    private static int prepare(Scene scene, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path font = workDir.resolve(ClipGraph.FONT_FILE);
            if (!Files.exists(font)) {
                Files.copy(Fontconfig.captionFont().file(), font);
            }
            String badge = "block " + scene.blockIndex() + (scene.extendsBlock() > 0 ? " · suite de " + scene.extendsBlock() : "");
            Files.writeString(workDir.resolve(ClipGraph.BADGE_FILE), badge, StandardCharsets.UTF_8);
            List<String> lines = lines(scene);
            for (int i = 0; i < lines.size(); i++) {
                Files.writeString(workDir.resolve("line" + (i + 1) + ".txt"), lines.get(i), StandardCharsets.UTF_8);
            }
            return lines.size();
        } catch (IOException e) {
            throw new MediaException("could not prepare " + workDir + " to render block " + scene.blockIndex()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String shortened(String word) {
        int max = LINE_CHARS + 2;
        return word.codePointCount(0, word.length()) <= max ? word : word.substring(0, word.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The on-screen text (or the prompt's first words) wrapped into at most three short lines. */
    static List<String> lines(Scene scene) {
        String text = scene.onScreenText() != null && !scene.onScreenText().isBlank() ? scene.onScreenText() : scene.prompt();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : AssText.plain(text).split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == MAX_LINES) {
                    lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + " …");
                    return lines;
                }
            }
            line.append(line.length() > 0 ? " " : "").append(shortened(word));
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}

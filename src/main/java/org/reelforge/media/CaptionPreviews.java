package org.reelforge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Stills of a caption look for the UI, drawn by the real path: the same {@link Captions} ASS, burned by the same
 * libass, over a neutral gradient in the output format. The words of {@code text} are timed evenly and the still
 * is taken while the second word is spoken, so karaoke and pop show a highlighted word. Thread-safe; each call
 * blocks for one ffmpeg run (a fraction of a second).
 */
public final class CaptionPreviews {
    private static final long WORD_MILLIS = 400;
    private static final int MAX_PREVIEW_CHARS = 200;

    private final Ffmpeg ffmpeg;

    public CaptionPreviews(Ffmpeg ffmpeg) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    }

    /** A PNG of {@code text} captioned with {@code options} in {@code aspect}, the font chosen for {@code language}. */
    public byte[] preview(CaptionOptions options, Aspect aspect, Language language, String text) {
        return preview(CaptionStyle.of(options, aspect, language), List.of(), text, 0);
    }

    /** The same, scaled down to {@code width} pixels wide (a thumbnail for a page); 0 keeps the format's size. */
    public byte[] preview(CaptionOptions options, Aspect aspect, Language language, String text, int width) {
        return preview(CaptionStyle.of(options, aspect, language), List.of(), text, width);
    }

    /** The same with an already resolved style; {@code emphasis} words are highlighted. */
    public byte[] preview(CaptionStyle style, List<String> emphasis, String text) {
        return preview(style, emphasis, text, 0);
    }

    private byte[] preview(CaptionStyle style, List<String> emphasis, String text, int width) {
        if (width < 0 || width > 4096) {
            throw new IllegalArgumentException("a preview is 1–4096 px wide, or 0 for the format's size (got " + width + ")");
        }
        List<TimedWord> words = words(text);
        long duration = words.get(words.size() - 1).endMillis() + 500;
        Path work = createWorkDir();
        try {
            new Captions(style).writeAss(words, Emphasis.of(emphasis), duration, work.resolve(AssemblyGraph.CAPTIONS_FILE));
            Path png = work.resolve("preview.png");
            double at = words.size() > 1 ? (WORD_MILLIS * 1.5) / 1000.0 : WORD_MILLIS / 2000.0;
            ffmpeg.ffmpeg("draw a caption preview", work, List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
                            "gradients=s=%dx%d:c0=0x3a4d63:c1=0x7c6a58:n=2:speed=0.00001:r=10:d=%.3f", style.playResX(),
                            style.playResY(), duration / 1000.0),
                    "-vf", "ass=" + AssemblyGraph.CAPTIONS_FILE + (width > 0 ? ",scale=" + width + ":-2" : ""), "-ss", String.format(Locale.ROOT, "%.3f", at),
                    "-frames:v", "1", "-c:v", "png", "-f", "image2", "-update", "1", Ffmpeg.fileArg(png)));
            return Files.readAllBytes(png);
        } catch (IOException e) {
            throw new MediaException("could not read the caption preview in " + work + ": " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    private static List<TimedWord> words(String text) {
        String plain = text == null ? "" : AssText.plain(text);
        if (plain.isEmpty() || plain.codePointCount(0, plain.length()) > MAX_PREVIEW_CHARS) {
            throw new IllegalArgumentException("preview text must be 1 to " + MAX_PREVIEW_CHARS + " characters");
        }
        List<TimedWord> words = new ArrayList<>();
        long at = 0;
        for (String word : plain.split("\\s+")) {
            words.add(new TimedWord(word, at, at + WORD_MILLIS - 40));
            at += WORD_MILLIS;
        }
        return words;
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("reelforge-preview");
        } catch (IOException e) {
            throw new MediaException("could not create a directory for a caption preview: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new MediaException("could not delete the preview directory " + dir + ": " + e.getMessage(), e);
        }
    }
}

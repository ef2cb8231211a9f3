package org.reelforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Asks fontconfig ({@code fc-list}) which fonts are installed, so captions and clips name a font that
 * libass and drawtext will really find. Answers are cached for the life of the process.
 */
public final class Fontconfig {
    /** The caption fonts of SPEC §5, in order of preference. */
    public static final List<String> CAPTION_FAMILIES = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans");

    private static final Map<String, Optional<Font>> CACHE = new ConcurrentHashMap<>();

    private Fontconfig() {
    }

    /** An installed font: its family name and file. */
    public record Font(String family, Path file) {
    }

    /** The first of {@code families} installed in a bold style; fails when none is. */
    public static Font firstBold(List<String> families) {
        for (String family : families) {
            Optional<Font> font = CACHE.computeIfAbsent(family, Fontconfig::findBold);
            if (font.isPresent()) {
                return font.get();
            }
        }
        throw new MediaException("none of the fonts " + families + " is installed in a bold style (asked fc-list);"
                + " install fonts-dejavu-core or fonts-liberation2");
    }

    /** The bold caption font: DejaVu Sans Bold, Liberation Sans Bold or Noto Sans Bold, the first installed. */
    public static Font captionFont() {
        return firstBold(CAPTION_FAMILIES);
    }

    private static Optional<Font> findBold(String family) {
        String answer = fcList(":family=" + family + ":style=Bold");
        return answer.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(Path::of).filter(Files::isReadable)
                .min(Comparator.comparing((Path file) -> file.getFileName().toString().length()).thenComparing(Path::toString))
                .map(file -> new Font(family, file));
    }

    private static String fcList(String pattern) {
        try {
            Process process = new ProcessBuilder("fc-list", "--format", "%{file}\n", pattern).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new MediaException("fc-list " + pattern + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MediaException("could not run fc-list to find font " + pattern + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while asking fc-list for " + pattern, e);
        }
    }
}

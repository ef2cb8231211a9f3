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
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks fontconfig ({@code fc-list}) which fonts are installed, so captions and clips name a font that
 * libass and drawtext will really find. Answers are cached for the life of the process.
 */
public final class Fontconfig {
    /** The caption fonts of SPEC §5, in order of preference. */
    public static final List<String> CAPTION_FAMILIES = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans");

    /**
     * The caption font of scripts DejaVu draws poorly or not at all (Debian's fonts-noto-core and fonts-noto-cjk).
     * Other glyphs missing from a font are still found by libass's own fallback through fontconfig.
     */
    private static final Map<String, String> SCRIPT_FAMILIES = Map.ofEntries(
            Map.entry("ja", "Noto Sans CJK JP"), Map.entry("zh", "Noto Sans CJK SC"), Map.entry("ko", "Noto Sans CJK KR"),
            Map.entry("ar", "Noto Sans Arabic"), Map.entry("fa", "Noto Sans Arabic"), Map.entry("ur", "Noto Sans Arabic"),
            Map.entry("hi", "Noto Sans Devanagari"), Map.entry("mr", "Noto Sans Devanagari"),
            Map.entry("ne", "Noto Sans Devanagari"), Map.entry("he", "Noto Sans Hebrew"), Map.entry("th", "Noto Sans Thai"),
            Map.entry("bn", "Noto Sans Bengali"), Map.entry("ta", "Noto Sans Tamil"));
    private static final Logger LOG = LoggerFactory.getLogger(Fontconfig.class);
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

    /**
     * The caption font for {@code options} in {@code language}: the family the user asked for when fontconfig has
     * it in bold, else (with a warning in the log) the language's script font ({@code ja}: Noto Sans CJK JP,
     * {@code ar}: Noto Sans Arabic, {@code hi}: Noto Sans Devanagari…) when installed, else {@link #captionFont()}.
     */
    public static Font captionFont(CaptionOptions options, Language language) {
        Optional<String> wanted = options.fontFamily();
        if (wanted.isPresent()) {
            Optional<Font> font = CACHE.computeIfAbsent(wanted.get(), Fontconfig::findBold);
            if (font.isPresent()) {
                return font.get();
            }
        }
        String scriptFamily = SCRIPT_FAMILIES.get(language.code());
        Font chosen = scriptFamily == null ? captionFont()
                : CACHE.computeIfAbsent(scriptFamily, Fontconfig::findBold).orElseGet(Fontconfig::captionFont);
        wanted.ifPresent(family -> LOG.warn("caption font \"{}\" is not installed in a bold style (fc-list); using \"{}\"",
                family, chosen.family()));
        return chosen;
    }

    /** Whether fontconfig has {@code family} in a bold style. */
    public static boolean hasBold(String family) {
        return CACHE.computeIfAbsent(family, Fontconfig::findBold).isPresent();
    }

    private static Optional<Font> findBold(String family) {
        String answer = fcList(":family=" + escape(family) + ":style=Bold");
        return answer.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(Path::of).filter(Files::isReadable)
                .min(Comparator.comparing((Path file) -> file.getFileName().toString().length()).thenComparing(Path::toString))
                .map(file -> new Font(family, file));
    }

    /** fontconfig's pattern syntax gives {@code \\ - : ,} a meaning; a backslash makes them literal. */
    static String escape(String family) {
        return family.replaceAll("([\\\\\\-:,=])", "\\\\$1");
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

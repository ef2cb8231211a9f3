package org.reelforge.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a download named after the video's theme (RFC 6266): an ASCII
 * {@code filename} for old clients (accents dropped, characters that file systems or the header refuse replaced)
 * and the exact name as UTF-8 in {@code filename*} (RFC 5987).
 */
final class DownloadName {
    private static final int MAX_STEM = 80;

    private DownloadName() {
    }

    /** E.g. {@code attachment; filename="Les volcans d'Islande.mp4"; filename*=UTF-8''Les%20volcans%20d%27Islande.mp4}. */
    static String attachment(String theme, String extension) {
        String exact = stem(theme) + "." + extension;
        return "attachment; filename=\"" + ascii(exact) + "\"; filename*=UTF-8''" + percent(exact);
    }

    /** The theme without what no file name may hold, trimmed to {@value #MAX_STEM} code points; "video" if empty. */
    static String stem(String theme) {
        String cleaned = (theme == null ? "" : theme).replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ")
                .replaceAll("\\s+", " ").strip().replaceAll("^\\.+", "");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_STEM) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_STEM)).strip();
        }
        return cleaned.isEmpty() ? "video" : cleaned;
    }

    static String ascii(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String ascii = decomposed.replaceAll("[^\\x20-\\x7E]", "_").replace('"', '_').replace('\\', '_');
        return ascii.replaceAll("_+", "_");
    }

    private static String percent(String name) {
        // URLEncoder is for forms: it writes spaces as '+', and leaves a few characters RFC 5987 does not allow.
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("'", "%27").replace("%7E", "~");
    }
}

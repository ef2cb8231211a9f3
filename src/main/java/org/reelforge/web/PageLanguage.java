package org.reelforge.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;

/**
 * The language of the page that calls: replies, status messages and error categories follow it, not the video's
 * language (an English page shows "Cancelled" for a French video). In order: {@code ?lang=}, then
 * {@code Accept-Language} (the web app sends its chosen language there; browsers send the user's), then the
 * fallback (the video's language, so a plain API client keeps today's answers).
 */
final class PageLanguage {
    private PageLanguage() {
    }

    static Language of(Context ctx, Language fallback) {
        String lang = ctx.queryParam("lang");
        if (lang != null && !lang.isBlank()) {
            try {
                return Language.forMessages(lang);
            } catch (InvalidRequestException e) {
                throw ApiException.invalid("lang", e.rule());
            }
        }
        Language accepted = accepted(ctx.header("Accept-Language"));
        return accepted != null ? accepted : fallback;
    }

    /** The first of fr or en in an {@code Accept-Language} list (by weight, then order); null if neither. */
    static Language accepted(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Language best = null;
        double bestWeight = 0;
        for (String part : header.split(",")) {
            String[] pieces = part.strip().split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(pieces);
            if (weight > bestWeight && (tag.startsWith("fr") || tag.startsWith("en"))) {
                best = Language.of(tag.substring(0, 2));
                bestWeight = weight;
            }
        }
        return best;
    }

    private static double weight(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}

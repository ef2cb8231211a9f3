package org.reelforge.provider.offline.clips;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camera-like movement of a locally rendered clip, chosen from the prompt's keywords (English and French).
 * Expressions are written in {@code T}, the scene time in seconds (clip time plus the look's phase), so an
 * extension continues the movement where the previous block left it.
 */
public enum Motion {
    ZOOM_IN(List.of("zoom in", "zoom-in", "zooms in", "zoom avant", "rapproche")),
    ZOOM_OUT(List.of("zoom out", "zoom-out", "zooms out", "zoom arriere", "eloigne")),
    PAN_LEFT(List.of("pan left", "pans left", "to the left", "vers la gauche", "panoramique gauche")),
    PAN_RIGHT(List.of("pan right", "pans right", "to the right", "vers la droite", "panoramique droite")),
    PULSE(List.of("pulse", "pulsing", "pulses", "heartbeat", "pulsation", "battement")),
    ROTATE(List.of("rotate", "rotating", "rotation", "spiral", "spirale", "swirl", "tourbillon", "tourne")),
    DRIFT(List.of("drift", "drifting", "float", "floating", "derive", "flotte", "flottant")),
    RISE(List.of("rise", "rising", "rises", "ascend", "monte", "montee", "s'eleve", "ascension"));

    /** How far (px) the crop window may travel from the centre of the canvas, each way. */
    static final int MARGIN = 120;

    private final List<String> keywords;

    Motion(List<String> keywords) {
        this.keywords = keywords;
    }

    /** The first motion whose keyword appears in {@code normalizedPrompt} (lower case, no accents), else by hash. */
    static Motion of(String normalizedPrompt, int hash) {
        Motion found = null;
        int at = Integer.MAX_VALUE;
        for (Motion motion : values()) {
            for (String keyword : motion.keywords) {
                Matcher m = Pattern.compile("(?<![a-z])" + Pattern.quote(keyword) + "(?![a-z])").matcher(normalizedPrompt);
                if (m.find() && m.start() < at) {
                    found = motion;
                    at = m.start();
                }
            }
        }
        return found != null ? found : values()[Math.floorMod(hash, values().length)];
    }

    /** Filters that move a canvas of (w + 2·MARGIN) × (h + 2·MARGIN) into a w × h frame; {@code T} is scene time. */
    String filters(int width, int height, String sceneTime) {
        String m = String.valueOf(MARGIN);
        String ease = "(1-cos(PI*" + sceneTime + "/8))/2";
        return switch (this) {
            case PAN_LEFT -> crop(width, height, "2*" + m + "*" + ease, m);
            case PAN_RIGHT -> crop(width, height, "2*" + m + "*(1-" + ease + ")", m);
            case RISE -> crop(width, height, m, "2*" + m + "*" + ease);
            case DRIFT -> crop(width, height, m + "+" + m + "*sin(0.5*" + sceneTime + ")", m + "+0.6*" + m + "*sin(0.37*" + sceneTime + ")");
            case ROTATE -> crop(width, height, m + "+" + spiral("cos", sceneTime), m + "+" + spiral("sin", sceneTime));
            case PULSE -> crop(width, height, m, m) + ",eq=brightness=0.08*sin(2*PI*0.75*" + sceneTime + "):eval=frame";
            case ZOOM_IN -> zoom(width, height, "1+0.3*" + ease);
            case ZOOM_OUT -> zoom(width, height, "1.3-0.3*" + ease);
        };
    }

    /** An orbit whose radius breathes: the frame circles the scene (cheaper than rotating every pixel). */
    private static String spiral(String axis, String sceneTime) {
        return MARGIN + "*(0.55+0.45*sin(0.3*" + sceneTime + "))*" + axis + "(0.9*" + sceneTime + ")";
    }

    private static String crop(int width, int height, String x, String y) {
        return String.format(Locale.ROOT, "crop=%d:%d:x='%s':y='%s'", width, height, x, y);
    }

    private static String zoom(int width, int height, String factor) {
        return String.format(Locale.ROOT, "crop=%d:%d,scale=w='2*trunc(%d*(%s)/2)':h=-2:eval=frame,crop=%d:%d",
                width, height, width, factor, width, height);
    }
}

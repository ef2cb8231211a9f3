package org.reelforge.provider.offline.clips;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The look of a locally rendered clip: a palette of three colours (hex {@code RRGGBB}), a motion, the
 * scene time at which the clip starts (so an extension continues its predecessor's movement) and a seed
 * for the placement of shapes.
 */
public record ClipLook(List<String> palette, Motion motion, double phaseSeconds, int seed) {
    private static final Map<String, String> COLOURS = colours();

    public ClipLook {
        palette = List.copyOf(palette);
        Objects.requireNonNull(motion, "motion");
        if (palette.size() != 3 || !palette.stream().allMatch(c -> c.matches("[0-9a-f]{6}"))) {
            throw new IllegalArgumentException("palette must be three RRGGBB colours, got " + palette);
        }
    }

    /**
     * The look a prompt asks for: colours named in it (English or French, in order of appearance, the
     * rest derived from the first), else a palette from the prompt's hash; motion from its keywords, else
     * from the hash.
     */
    public static ClipLook fromPrompt(String prompt) {
        String normalized = normalize(prompt);
        int hash = hash(normalized);
        List<String> named = namedColours(normalized);
        List<String> palette = named.isEmpty() ? hashedPalette(hash) : complete(named);
        return new ClipLook(palette, Motion.of(normalized, hash >>> 8), 0, hash);
    }

    /** The same scene, continued: same palette, motion and shapes, starting {@code seconds} later. */
    public ClipLook continued(double seconds) {
        return new ClipLook(palette, motion, phaseSeconds + seconds, seed);
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('’', '\'');
    }

    private static List<String> namedColours(String normalized) {
        List<String> found = new ArrayList<>();
        for (String word : normalized.split("[^a-z]+")) {
            String colour = COLOURS.getOrDefault(word, COLOURS.get(word.endsWith("s") ? word.substring(0, word.length() - 1) : ""));
            if (colour != null && !found.contains(colour)) {
                found.add(colour);
            }
        }
        return found.size() > 3 ? found.subList(0, 3) : found;
    }

    private static List<String> complete(List<String> named) {
        List<String> palette = new ArrayList<>(named);
        int[] base = rgb(named.get(0));
        if (palette.size() < 2) {
            palette.add(hex(base[0] * 35 / 100, base[1] * 35 / 100, base[2] * 35 / 100));
        }
        if (palette.size() < 3) {
            palette.add(hex((base[0] + 255) / 2, (base[1] + 255) / 2, (base[2] + 255) / 2));
        }
        return palette;
    }

    private static List<String> hashedPalette(int hash) {
        float hue = Math.floorMod(hash, 360) / 360f;
        return List.of(hsv(hue, 0.75f, 0.9f), hsv(hue + 0.08f, 0.8f, 0.3f), hsv(hue + 0.5f, 0.6f, 0.95f));
    }

    private static String hsv(float hue, float saturation, float value) {
        int rgb = java.awt.Color.HSBtoRGB(hue, saturation, value);
        return hex((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static int[] rgb(String hex) {
        int value = Integer.parseInt(hex, 16);
        return new int[] {(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF};
    }

    private static String hex(int r, int g, int b) {
        return String.format(Locale.ROOT, "%02x%02x%02x", r, g, b);
    }

    static int hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, String> colours() {
        Map<String, String> colours = new LinkedHashMap<>();
        put(colours, "e02424", "red", "rouge");
        put(colours, "f28c1c", "orange");
        put(colours, "f5d90a", "yellow", "jaune");
        put(colours, "2eb84b", "green", "vert", "verte");
        put(colours, "2a6fdb", "blue", "bleu", "bleue");
        put(colours, "8a3fd1", "purple", "violet", "violette");
        put(colours, "f06bb0", "pink", "rose");
        put(colours, "17a9a1", "teal", "turquoise");
        put(colours, "d4a62a", "gold", "golden", "dore", "doree");
        put(colours, "f4f4f0", "white", "blanc", "blanche");
        put(colours, "121212", "black", "noir", "noire");
        put(colours, "8a8d91", "grey", "gray", "gris", "grise");
        return Map.copyOf(colours);
    }

    private static void put(Map<String, String> colours, String hex, String... words) {
        for (String word : words) {
            colours.put(word, hex);
        }
    }
}

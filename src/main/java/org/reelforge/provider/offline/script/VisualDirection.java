package org.reelforge.provider.offline.script;

import java.util.List;
import java.util.Map;
import org.reelforge.video.Style;

/**
 * The look of one video, in English (video models follow English best): a style guide restated in every
 * clip prompt, and per block a shot with named colours and one camera motion from the vocabulary the
 * offline clip renderer understands. Consecutive blocks differ in shot, scene, dominant colour and motion.
 */
final class VisualDirection {
    static final List<String> COLOURS = List.of("red", "orange", "yellow", "green", "blue", "purple", "pink", "teal",
            "gold", "white", "black", "grey");
    static final List<String> MOTIONS = List.of("zoom in", "zoom out", "pan left", "pan right", "pulse", "rotate",
            "drift", "rise");
    /** Coprime with the 8 motions: eight blocks in a row never share one. */
    private static final int MOTION_STRIDE = 3;
    private static final List<String> SHOTS = List.of("Close-up", "Wide shot", "Medium shot", "Overhead shot",
            "Low-angle shot");

    private final Look look;
    private final List<String> palette;
    private final String character;
    private final String setting;
    private final Theme theme;
    private final int seed;

    VisualDirection(Style style, Theme theme) {
        this.look = Looks.of(style);
        this.theme = theme;
        this.seed = theme.seed() + style.ordinal();
        this.palette = pick(look.palettes(), 0);
        this.character = pick(look.characters(), 1);
        this.setting = pick(look.settings(), 2);
    }

    /** Everything a video model must keep from clip to clip; the theme is quoted verbatim. */
    String styleGuide() {
        return "Subject: \"" + theme.text() + "\". Characters: " + character + ", the same in every clip. Setting: "
                + setting + ". Palette: " + palette.get(0) + ", " + palette.get(1) + " and " + palette.get(2)
                + ". Tone: " + look.tone() + ". Look: " + look.lighting()
                + ". Vertical 9:16 framing, no logos or brand names, no readable text in the image.";
    }

    /** The visual prompt of the block at {@code index} (1-based). */
    String prompt(int index) {
        int k = index - 1;
        String shot = SHOTS.get(Math.floorMod(seed + 2 * k, SHOTS.size()));
        String scene = look.scenes().get(Math.floorMod(seed + k, look.scenes().size()));
        return shot + " of " + scene + ". Dominant colour " + palette.get(k % 3) + ", with " + palette.get((k + 1) % 3)
                + " highlights and touches of " + palette.get((k + 2) % 3) + ". Camera motion: " + motion(index)
                + ", slow and steady. " + look.lighting() + ".";
    }

    /** The camera motion of the block at {@code index} (1-based). */
    String motion(int index) {
        return MOTIONS.get(Math.floorMod(seed + MOTION_STRIDE * (index - 1), MOTIONS.size()));
    }

    private <T> T pick(List<T> options, int salt) {
        return options.get(Math.floorMod(seed / (salt + 1) + salt, options.size()));
    }

    /** What a style looks like. Free of colour and motion words, so only the chosen ones reach the renderer. */
    record Look(List<List<String>> palettes, List<String> characters, List<String> settings, String tone,
                String lighting, List<String> scenes) {
    }

    private static final class Looks {
        private static final Map<Style, Look> BY_STYLE = Map.of(
                Style.INFORMATIVE, new Look(
                        List.of(List.of("teal", "white", "grey"), List.of("blue", "white", "gold"), List.of("green", "teal", "white")),
                        List.of("a calm presenter in a plain jacket", "a curious young researcher with short hair",
                                "a friendly guide in a simple sweater"),
                        List.of("a bright modern studio with large windows", "a clean open-plan workspace", "a quiet city library"),
                        "clear, confident and factual", "Soft even light, crisp focus",
                        List.of("the main character standing beside floating charts",
                                "hands sorting simple icons on a table", "a workspace with glowing data panels",
                                "a tidy desk with a notebook and a laptop", "a city skyline seen through tall windows",
                                "the main character pointing at a simple diagram in the air",
                                "neatly arranged cards and arrows", "a calm street with people walking past shop windows")),
                Style.STORYTELLING, new Look(
                        List.of(List.of("gold", "orange", "purple"), List.of("teal", "gold", "black"), List.of("pink", "purple", "gold")),
                        List.of("a young traveller with a worn satchel", "an old storyteller with a kind face",
                                "a child holding a paper lantern"),
                        List.of("a winding village road at dusk", "a cosy attic full of old books",
                                "a misty valley with a small wooden bridge"),
                        "warm, wondering and intimate", "Warm cinematic light with soft haze",
                        List.of("the main character opening an old map on a wooden table",
                                "a path disappearing into the morning mist", "a candlelit room with stacks of letters",
                                "footprints leading across a quiet beach", "a window opening onto a sleeping town",
                                "hands turning the pages of a thick book", "a lantern glowing at the edge of a forest",
                                "hills under a starry sky")),
                Style.HUMOROUS, new Look(
                        List.of(List.of("yellow", "pink", "teal"), List.of("orange", "blue", "yellow"), List.of("green", "pink", "purple")),
                        List.of("a cheerful cartoon mascot with big round eyes", "a clumsy little robot with a square head",
                                "a startled cat wearing an oversized scarf"),
                        List.of("a playful cartoon kitchen", "a toy world of soft shapes", "a messy but charming living room"),
                        "light, playful and self-mocking", "Bright playful light, bold cartoon outlines",
                        List.of("the main character tripping over a giant stack of books",
                                "a toaster launching confetti across the room",
                                "the main character juggling oversized question marks",
                                "a cat staring suspiciously at a ringing phone", "socks piled into a wobbly tower",
                                "the main character hiding behind a tiny plant", "a giant rubber duck in a small bathtub",
                                "balloons bumping into a ceiling fan")),
                Style.DRAMATIC, new Look(
                        List.of(List.of("black", "red", "gold"), List.of("grey", "blue", "black"), List.of("purple", "black", "red")),
                        List.of("a lone figure in a long dark coat", "a determined woman facing the wind",
                                "an explorer seen only in silhouette"),
                        List.of("an empty city at night under heavy rain", "a storm-lashed cliff above the sea",
                                "a vast abandoned hall"),
                        "tense, grave and cinematic", "High-contrast moody light, deep shadows",
                        List.of("storm clouds gathering over an empty road",
                                "the main character alone at the end of a long corridor", "rain streaming down a tall window",
                                "a clock ticking in a dark room", "waves crashing against jagged rocks",
                                "a single lamp swinging in an abandoned hall", "smoke curling through beams of light",
                                "a door slowly opening onto darkness")),
                Style.EDUCATIONAL, new Look(
                        List.of(List.of("blue", "yellow", "white"), List.of("green", "orange", "white"), List.of("teal", "yellow", "purple")),
                        List.of("a friendly teacher with round glasses", "a curious student with a notebook",
                                "an animated lightbulb character with a smile"),
                        List.of("a sunny classroom with a large chalk board", "a tidy science lab",
                                "a cosy study corner with shelves of books"),
                        "patient, clear and encouraging", "Clean bright light, simple flat shapes",
                        List.of("the main character drawing a simple diagram on a chalk board",
                                "stacked building blocks forming a staircase", "a magnifying glass over an open textbook",
                                "arrows connecting three simple shapes", "a puzzle with its last piece clicking into place",
                                "a student with a raised hand and a smile", "a globe on a desk beside a stack of notes",
                                "a timeline of simple icons on a long strip of paper")));

        static Look of(Style style) {
            return BY_STYLE.get(style);
        }
    }
}

package org.reelforge.media;

import java.util.Locale;
import java.util.Objects;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.Language;

/**
 * How burned-in captions look, in the units of an ASS script whose PlayRes is the frame size. Built from the
 * user's {@link CaptionOptions} for one {@link Aspect}: the font size is the format's caption size scaled by the
 * option, and every caption stays inside the format's {@link SafeArea} (margins are the safe insets plus the
 * outline, which is drawn outside the glyphs).
 *
 * @param fontFamily     family name that fontconfig knows, e.g. "DejaVu Sans" (rendered bold)
 * @param textBgr        colour of the text, ASS order blue-green-red, e.g. "FFFFFF"
 * @param highlightBgr   colour of the word being spoken and of emphasised words, e.g. "00FFFF" for yellow
 * @param outline        outline width, or the box's padding for {@link CaptionLook#BOXED}
 * @param maxLineChars   a caption line is at most this wide, in average characters …
 * @param maxLineWords   … and holds at most this many words
 * @param maxPauseMillis a silence longer than this between two words starts a new line
 */
public record CaptionStyle(CaptionLook look, CaptionPosition position, String fontFamily, int fontSize, int outline,
                           String textBgr, String highlightBgr, SafeArea safeArea, int maxLineChars, int maxLineWords,
                           long maxPauseMillis) {
    /** Rough advance of an average bold glyph, in font sizes. */
    static final double GLYPH_WIDTH = 0.68;
    /** Share of the safe width a line aims to fill before it is cut, leaving room for wide glyphs. */
    private static final double LINE_FILL = 0.835;
    /** Pop shows one word at a time: bigger than a line's words. */
    private static final double POP_SCALE = 1.3;

    public CaptionStyle {
        Objects.requireNonNull(look, "look");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(safeArea, "safeArea");
        if (fontFamily.isBlank() || fontFamily.chars().anyMatch(c -> c == ',' || c == '{' || c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException("font family must be a plain name without commas, got \"" + fontFamily + "\"");
        }
        for (String bgr : new String[] {textBgr, highlightBgr}) {
            if (bgr == null || !bgr.matches("[0-9A-F]{6}")) {
                throw new IllegalArgumentException("colours must be 6 upper-case hex digits BBGGRR, got \"" + bgr + "\"");
            }
        }
        if (fontSize <= 0 || outline < 0 || maxLineChars <= 0 || maxLineWords <= 0 || maxPauseMillis < 0) {
            throw new IllegalArgumentException("font size, line limits must be positive, outline and pause >= 0");
        }
    }

    /**
     * The style for {@code options} in {@code aspect}, with a font fontconfig really has: the one asked for when it
     * is installed, else the language's default caption font (see {@link Fontconfig#captionFont(CaptionOptions, Language)}).
     */
    public static CaptionStyle of(CaptionOptions options, Aspect aspect, Language language) {
        return of(options, aspect, Fontconfig.captionFont(options, language).family());
    }

    /** The style for {@code options} in {@code aspect} with an already chosen font family. */
    public static CaptionStyle of(CaptionOptions options, Aspect aspect, String fontFamily) {
        int size = (int) Math.round(aspect.captionSize() * options.sizePercent() / 100.0);
        if (options.style() == CaptionLook.POP) {
            size = (int) Math.round(size * POP_SCALE);
        }
        int outline = options.style() == CaptionLook.BOXED ? Math.max(4, size / 4) : Math.max(1, Math.round(size / 25f));
        SafeArea safe = SafeArea.of(aspect);
        int lineWidth = safe.width() - safe.left() - safe.right() - 2 * outline;
        int chars = Math.max(6, (int) Math.floor(lineWidth * LINE_FILL / (GLYPH_WIDTH * size)));
        int words = aspect == Aspect.LANDSCAPE ? 6 : 4;
        return new CaptionStyle(options.style(), options.position(), fontFamily, size, outline, bgr(options.color()),
                bgr(options.highlight()), safe, chars, words, 600);
    }

    /** Today's look (karaoke, bottom, white, yellow) with the given font in the 9:16 frame. */
    public static CaptionStyle tiktok(String fontFamily) {
        return of(CaptionOptions.defaults(), Aspect.PORTRAIT, fontFamily);
    }

    /** Today's look with the first installed caption font (asks fontconfig). */
    public static CaptionStyle tiktok() {
        return tiktok(Fontconfig.captionFont().family());
    }

    /** {@code #RRGGBB} → ASS {@code BBGGRR}. */
    static String bgr(String rgb) {
        String hex = rgb.substring(1).toUpperCase(Locale.ROOT);
        return hex.substring(4, 6) + hex.substring(2, 4) + hex.substring(0, 2);
    }

    public int playResX() {
        return safeArea.width();
    }

    public int playResY() {
        return safeArea.height();
    }

    /** ASS alignment: bottom, middle or top centre. */
    public int alignment() {
        return switch (position) {
            case BOTTOM -> 2;
            case MIDDLE -> 5;
            case TOP -> 8;
        };
    }

    /** Distance of the caption's edge from the frame's bottom (or top): the safe inset plus the outline. */
    public int marginV() {
        return (position == CaptionPosition.TOP ? safeArea.top() : safeArea.bottom()) + outline;
    }

    public int marginL() {
        return safeArea.left() + outline;
    }

    public int marginR() {
        return safeArea.right() + outline;
    }

    /** Width a caption line may take. */
    public int lineWidth() {
        return playResX() - marginL() - marginR();
    }
}

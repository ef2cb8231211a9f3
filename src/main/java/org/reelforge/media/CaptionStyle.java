package org.reelforge.media;

import java.util.Objects;

/**
 * How burned-in captions look, in the units of an ASS script whose PlayRes is the frame size.
 * Defaults follow SPEC §5 (bold sans 50 px at 1080 wide, white, black outline 2, margin 60, bottom offset
 * 120) and keep the text inside {@link SafeArea}: the margins are the larger of the style's and the
 * safe area's insets.
 *
 * @param fontFamily     family name that fontconfig knows, e.g. "DejaVu Sans" (rendered bold)
 * @param highlightBgr   colour of the word being spoken, ASS order blue-green-red, e.g. "00FFFF" for yellow
 * @param maxLineChars   a caption line holds at most this many characters …
 * @param maxLineWords   … and at most this many words
 * @param maxPauseMillis a silence longer than this between two words starts a new line
 */
public record CaptionStyle(String fontFamily, int fontSize, int outline, int sideMargin, int bottomOffset,
                           String highlightBgr, SafeArea safeArea, int maxLineChars, int maxLineWords,
                           long maxPauseMillis) {
    public CaptionStyle {
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(safeArea, "safeArea");
        if (fontFamily.isBlank() || fontFamily.chars().anyMatch(c -> c == ',' || c < 0x20)) {
            throw new IllegalArgumentException("font family must be a plain name without commas, got \"" + fontFamily + "\"");
        }
        if (!highlightBgr.matches("[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("highlight colour must be 6 hex digits BBGGRR, got \"" + highlightBgr + "\"");
        }
        if (fontSize <= 0 || maxLineChars <= 0 || maxLineWords <= 0 || maxPauseMillis < 0) {
            throw new IllegalArgumentException("font size, line limits must be positive and pause >= 0");
        }
    }

    /** The TikTok style with the given font inside {@link SafeArea#TIKTOK}. */
    public static CaptionStyle tiktok(String fontFamily) {
        return new CaptionStyle(fontFamily, 50, 2, 60, 120, "00FFFF", SafeArea.TIKTOK, 22, 4, 600);
    }

    /** The TikTok style with the first installed caption font (asks fontconfig). */
    public static CaptionStyle tiktok() {
        return tiktok(Fontconfig.captionFont().family());
    }

    public int playResX() {
        return safeArea.width();
    }

    public int playResY() {
        return safeArea.height();
    }

    /**
     * Distance of the caption's bottom from the frame's bottom: the bottom offset or the safe inset, whichever
     * is larger, plus the outline (drawn outside the glyphs) so that no pixel of it enters the unsafe band.
     */
    public int marginV() {
        return Math.max(bottomOffset, safeArea.bottom()) + outline;
    }

    public int marginL() {
        return Math.max(sideMargin, safeArea.left()) + outline;
    }

    public int marginR() {
        return Math.max(sideMargin, safeArea.right()) + outline;
    }

    /** Width a caption line may take. */
    public int lineWidth() {
        return playResX() - marginL() - marginR();
    }
}

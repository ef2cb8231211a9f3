package org.reelforge.video;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caption choices of a video. Every value is checked here, so what reaches an ASS file is already a plain
 * family name, an exact {@code #RRGGBB} colour and a bounded size; each failure names its wire field.
 *
 * @param style       {@code caption_style}
 * @param position    {@code caption_position}
 * @param font        {@code caption_font}: a font family name (letters, digits, spaces, {@code . _ -}; at most
 *                    {@value #MAX_FONT_CHARS} characters), or null for the default bold sans of the language
 * @param color       {@code caption_color}: text colour {@code #RRGGBB}
 * @param highlight   {@code caption_highlight}: colour of the spoken word and of emphasised words, {@code #RRGGBB}
 * @param sizePercent {@code caption_size}: percent of the format's caption size, {@value #MIN_SIZE}–{@value #MAX_SIZE}
 */
public record CaptionOptions(CaptionLook style, CaptionPosition position, String font, String color, String highlight,
                             int sizePercent) {
    public static final int MAX_FONT_CHARS = 64;
    public static final int MIN_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_COLOR = "#FFFFFF";
    public static final String DEFAULT_HIGHLIGHT = "#FFFF00";
    private static final Pattern FONT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public CaptionOptions {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(position, "position");
        font = font == null || font.isBlank() ? null : checkFont(font.strip());
        color = checkColor("caption_color", color);
        highlight = checkColor("caption_highlight", highlight);
        if (sizePercent < MIN_SIZE || sizePercent > MAX_SIZE) {
            throw new InvalidRequestException("caption_size", "must be a percentage from " + MIN_SIZE + " to " + MAX_SIZE
                    + " of the format's caption size (got " + sizePercent + ")");
        }
    }

    /** Today's look: karaoke at the bottom, default font, white text, yellow spoken word, 100 %. */
    public static CaptionOptions defaults() {
        return new CaptionOptions(CaptionLook.KARAOKE, CaptionPosition.BOTTOM, null, DEFAULT_COLOR, DEFAULT_HIGHLIGHT, 100);
    }

    public CaptionOptions withStyle(CaptionLook newStyle) {
        return new CaptionOptions(newStyle, position, font, color, highlight, sizePercent);
    }

    public CaptionOptions withPosition(CaptionPosition newPosition) {
        return new CaptionOptions(style, newPosition, font, color, highlight, sizePercent);
    }

    public CaptionOptions withFont(String newFont) {
        return new CaptionOptions(style, position, newFont, color, highlight, sizePercent);
    }

    public CaptionOptions withColors(String newColor, String newHighlight) {
        return new CaptionOptions(style, position, font, newColor, newHighlight, sizePercent);
    }

    public CaptionOptions withSize(int newSizePercent) {
        return new CaptionOptions(style, position, font, color, highlight, newSizePercent);
    }

    /** The font the user asked for, if any. */
    public Optional<String> fontFamily() {
        return Optional.ofNullable(font);
    }

    private static String checkFont(String font) {
        if (Text.length(font) > MAX_FONT_CHARS || !FONT.matcher(font).matches()) {
            throw new InvalidRequestException("caption_font", "must be a font family name of letters, digits, spaces,"
                    + " '.', '_' or '-', at most " + MAX_FONT_CHARS + " characters (got \"" + Text.preview(font) + "\")");
        }
        return font;
    }

    private static String checkColor(String field, String value) {
        if (value == null || !COLOR.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(field, "must be a colour #RRGGBB such as #FFFF00 (got \""
                    + (value == null ? "" : Text.preview(value)) + "\")");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }
}

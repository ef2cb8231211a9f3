package org.reelforge.video;

import java.util.Locale;

/** Where captions sit inside the format's safe area (wire field {@code caption_position}). */
public enum CaptionPosition {
    BOTTOM, MIDDLE, TOP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaptionPosition parse(String field, String value) {
        return Wire.parse(CaptionPosition.class, field, value);
    }
}

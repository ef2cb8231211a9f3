package org.reelforge.video;

import java.util.Locale;

/** How burned-in captions appear (wire field {@code caption_style}). */
public enum CaptionLook {
    /** The line on screen, the word being said in the highlight colour (the default). */
    KARAOKE,
    /** One word at a time, each popping in with a quick scale-up. */
    POP,
    /** Whole lines in the text colour, no word highlight. */
    CLEAN,
    /** Whole lines on a translucent dark box. */
    BOXED,
    /** No burned-in captions (the SRT file is still written). */
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaptionLook parse(String field, String value) {
        return Wire.parse(CaptionLook.class, field, value);
    }
}

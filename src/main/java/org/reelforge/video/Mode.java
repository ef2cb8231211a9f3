package org.reelforge.video;

import java.util.Locale;

/** How speech gets into the video. */
public enum Mode {
    /** V2: the video model speaks the block's text itself. */
    NATIVE_AUDIO,
    /** V1: script → adapt → TTS voice-over → silent clips under it. */
    NARRATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String field, String value) {
        return Wire.parse(Mode.class, field, value);
    }
}

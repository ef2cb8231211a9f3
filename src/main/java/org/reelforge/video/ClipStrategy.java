package org.reelforge.video;

import java.util.Locale;

/** How clips are requested from the video model. */
public enum ClipStrategy {
    /** Every block at once. */
    PARALLEL,
    /** Block N+1 extends block N's video, one after the other, for visual continuity. */
    EXTEND,
    /**
     * Block 1 first, then every other block at once with a key frame of block 1 as a reference image, so the
     * presenter and setting stay the same across clips.
     */
    ANCHORED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClipStrategy parse(String field, String value) {
        return Wire.parse(ClipStrategy.class, field, value);
    }
}

package org.reelforge.video;

import java.util.Locale;

/** Values of {@code last_successful_step}, in pipeline order. */
public enum CompletedStep {
    SCRIPT_GENERATED, SCRIPT_ADAPTED, AUDIO_GENERATED, CLIPS_GENERATED, VIDEO_ASSEMBLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CompletedStep fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

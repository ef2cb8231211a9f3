package org.reelforge.video;

import java.util.Locale;

/** The unit a provider bills in; prices are per one of them. */
public enum BillingUnit {
    SECOND, CHARACTER, INPUT_TOKEN, OUTPUT_TOKEN, VIDEO_TOKEN, AUDIO_TOKEN, MINUTE, CALL, IMAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingUnit fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

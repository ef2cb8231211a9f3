package org.reelforge.video;

import java.util.Locale;

/** What a ledger line paid for. */
public enum BilledOperation {
    SCRIPT, ADAPT, REWRITE, VOICE, CLIP, TRANSCRIPTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BilledOperation fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

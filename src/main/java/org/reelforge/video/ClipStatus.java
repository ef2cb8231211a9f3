package org.reelforge.video;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * State of one clip operation. {@link #SUBMITTING} is the durable intent written before the paid call
 * (DESIGN "Durability rules"); the others are SPEC §4's pending → success | failed → abandoned.
 */
public enum ClipStatus {
    SUBMITTING, PENDING, SUCCESS, FAILED, ABANDONED;

    private static final Map<ClipStatus, Set<ClipStatus>> ALLOWED = Map.of(
            SUBMITTING, EnumSet.of(PENDING, FAILED, ABANDONED),
            PENDING, EnumSet.of(PENDING, SUCCESS, FAILED, ABANDONED, SUBMITTING),
            SUCCESS, EnumSet.of(SUBMITTING, FAILED, PENDING),
            FAILED, EnumSet.of(SUBMITTING, ABANDONED, FAILED),
            ABANDONED, EnumSet.of(SUBMITTING, FAILED));

    public boolean canBecome(ClipStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClipStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

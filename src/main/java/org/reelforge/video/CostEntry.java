package org.reelforge.video;

import java.time.Instant;

/**
 * One line of a video's cost ledger: a paid call ({@link Kind#SPENT}) or a call that resume made
 * unnecessary ({@link Kind#SAVED}). Amounts are in millionths of a US dollar, so sums are exact.
 */
public record CostEntry(VideoId videoId, Instant at, Kind kind, String provider, String operation, double units,
                        String unit, long amountMicroUsd) {
    public enum Kind { SPENT, SAVED }
}

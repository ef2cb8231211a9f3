package org.reelforge.video;

import java.time.Instant;

/**
 * One line of a video's cost ledger: a call made ({@link Kind#SPENT}, at $0 when the provider does not bill it) or a
 * call that resume made unnecessary ({@link Kind#SAVED}). Amounts are in millionths of a US dollar, so sums are exact.
 *
 * @param blockIndex the block a clip line belongs to; 0 for the video's other calls
 */
public record CostEntry(VideoId videoId, Instant at, Kind kind, Charge charge, int blockIndex) {
    public enum Kind { SPENT, SAVED }

    public static CostEntry spent(VideoId id, Instant at, Charge charge) {
        return new CostEntry(id, at, Kind.SPENT, charge, 0);
    }

    public static CostEntry spent(VideoId id, Instant at, Charge charge, int block) {
        return new CostEntry(id, at, Kind.SPENT, charge, block);
    }

    public static CostEntry saved(VideoId id, Instant at, Charge charge, int block) {
        return new CostEntry(id, at, Kind.SAVED, charge, block);
    }

    public String provider() {
        return charge.provider();
    }

    public BilledOperation operation() {
        return charge.operation();
    }

    public double units() {
        return charge.units();
    }

    public BillingUnit unit() {
        return charge.unit();
    }

    public long amountMicroUsd() {
        return charge.amountMicroUsd();
    }
}

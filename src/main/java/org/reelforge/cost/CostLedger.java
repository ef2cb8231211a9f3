package org.reelforge.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.reelforge.provider.ProviderCall;
import org.reelforge.video.BilledOperation;
import org.reelforge.video.BillingUnit;
import org.reelforge.video.Charge;
import org.reelforge.video.CostEntry;
import org.reelforge.video.VideoId;

/** Prices provider calls into ledger lines with the {@link PriceTable}; a call not charged is booked at $0. */
public final class CostLedger {
    private final PriceTable prices;

    public CostLedger(PriceTable prices) {
        this.prices = prices;
    }

    /** The call in the domain's terms, priced (0 when the provider does not charge it). */
    public Charge charge(ProviderCall call) {
        return new Charge(call.provider(), operation(call), call.units(), unit(call), prices.microUsd(call), call.note(),
                call.charged());
    }

    /** Lines for calls of the video as a whole (script, voice, transcription). */
    public List<CostEntry> spent(VideoId id, Collection<ProviderCall> calls, Instant at) {
        return calls.stream().map(c -> CostEntry.spent(id, at, charge(c))).toList();
    }

    public long priceMicroUsd(ProviderCall call) {
        return call.charged() ? prices.microUsd(call) : 0;
    }

    public PriceTable prices() {
        return prices;
    }

    /** Sum of {@code kind} entries, in dollars. */
    public static BigDecimal total(List<CostEntry> entries, CostEntry.Kind kind) {
        long micros = entries.stream().filter(e -> e.kind() == kind).mapToLong(CostEntry::amountMicroUsd).sum();
        return BigDecimal.valueOf(micros, 6);
    }

    private static BilledOperation operation(ProviderCall call) {
        try {
            return BilledOperation.fromWire(call.operation());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(call.provider() + " reported a call of an unknown operation \"" + call.operation() + "\"", e);
        }
    }

    private static BillingUnit unit(ProviderCall call) {
        try {
            return BillingUnit.fromWire(call.unit());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(call.provider() + " reported a call in an unknown unit \"" + call.unit() + "\"", e);
        }
    }
}

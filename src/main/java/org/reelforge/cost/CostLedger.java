package org.reelforge.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.reelforge.provider.ProviderCall;
import org.reelforge.store.StoreTransaction;
import org.reelforge.video.CostEntry;
import org.reelforge.video.VideoId;

/** Writes every provider call of a video to its ledger, priced by the {@link PriceTable}. */
public final class CostLedger {
    private final PriceTable prices;

    public CostLedger(PriceTable prices) {
        this.prices = prices;
    }

    public void spent(StoreTransaction tx, VideoId id, List<ProviderCall> calls, Instant now) {
        for (ProviderCall call : calls) {
            tx.addCost(new CostEntry(id, now, CostEntry.Kind.SPENT, call.provider(), call.operation(), call.units(),
                    call.unit(), prices.microUsd(call)));
        }
    }

    /** Records that resume did not redo {@code entries} (the earlier spending of a finished step). */
    public void saved(StoreTransaction tx, VideoId id, List<CostEntry> entries, Instant now) {
        for (CostEntry e : entries) {
            tx.addCost(new CostEntry(id, now, CostEntry.Kind.SAVED, e.provider(), e.operation(), e.units(), e.unit(),
                    e.amountMicroUsd()));
        }
    }

    public long priceMicroUsd(ProviderCall call) {
        return prices.microUsd(call);
    }

    public PriceTable prices() {
        return prices;
    }

    /** Sum of {@code kind} entries, in dollars. */
    public static BigDecimal total(List<CostEntry> entries, CostEntry.Kind kind) {
        long micros = entries.stream().filter(e -> e.kind() == kind).mapToLong(CostEntry::amountMicroUsd).sum();
        return BigDecimal.valueOf(micros, 6);
    }
}

package org.reelforge.pipeline;

import java.math.BigDecimal;
import java.util.List;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.store.VideoStore;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Video;

/** Stops a video before a paid call that would take its spending over its budget. */
final class Budget {
    private final VideoStore store;
    private final CostLedger ledger;
    private final BigDecimal defaultLimit;

    Budget(VideoStore store, CostLedger ledger, BigDecimal defaultLimit) {
        this.store = store;
        this.ledger = ledger;
        this.defaultLimit = defaultLimit;
    }

    void check(Video video, String what, List<ProviderCall> quote) {
        long next = quote.stream().mapToLong(ledger::priceMicroUsd).sum();
        if (next == 0) {
            return;
        }
        List<CostEntry> entries = store.read(tx -> tx.costs(video.id()));
        BigDecimal spent = CostLedger.total(entries, CostEntry.Kind.SPENT);
        BigDecimal after = spent.add(BigDecimal.valueOf(next, 6));
        BigDecimal limit = limit(video);
        if (after.compareTo(limit) > 0) {
            throw new BudgetExceededException("video " + video.id() + ": " + what + " would cost $"
                    + BigDecimal.valueOf(next, 6).stripTrailingZeros().toPlainString() + " and bring spending to $"
                    + after.stripTrailingZeros().toPlainString() + ", over the budget of $" + limit.toPlainString());
        }
    }

    BigDecimal limit(Video video) {
        return video.request().budgetUsd() != null ? video.request().budgetUsd() : defaultLimit;
    }
}

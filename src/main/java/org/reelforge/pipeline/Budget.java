package org.reelforge.pipeline;

import java.math.BigDecimal;
import java.util.Collection;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRun;

/**
 * Stops a video before a paid call that would take it over its budget: what it spent, plus what the generations still
 * running will cost when they complete, plus the next call.
 */
final class Budget {
    private final CostLedger ledger;
    private final BigDecimal defaultLimit;

    Budget(CostLedger ledger, BigDecimal defaultLimit) {
        this.ledger = ledger;
        this.defaultLimit = defaultLimit;
    }

    void check(VideoRun run, String what, Collection<ProviderCall> quote) {
        long next = quote.stream().mapToLong(ledger::priceMicroUsd).sum();
        if (next == 0) {
            return;
        }
        BigDecimal committed = BigDecimal.valueOf(run.spentMicros() + run.inFlightMicros(), 6);
        BigDecimal after = committed.add(BigDecimal.valueOf(next, 6));
        BigDecimal limit = limit(run.video());
        if (after.compareTo(limit) > 0) {
            throw new BudgetExceededException("video " + run.id() + ": " + what + " would cost $"
                    + usd(BigDecimal.valueOf(next, 6)) + " and bring spending (with the generations still running) to $"
                    + usd(after) + ", over the budget of $" + limit.toPlainString());
        }
    }

    BigDecimal limit(Video video) {
        return video.request().budgetUsd() != null ? video.request().budgetUsd() : defaultLimit;
    }

    private static String usd(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}

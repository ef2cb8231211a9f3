package org.reelforge.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Counts over all videos for health and metrics (see {@link StoreTransaction#statistics()}): each is one
 * grouped query, cheap enough to run on every scrape.
 */
public final class StoreStatistics {
    private final Handle handle;

    StoreStatistics(Handle handle) {
        this.handle = handle;
    }

    /** A provider and operation with how many paid calls the ledger holds for it. */
    public record ProviderCalls(String provider, String operation, long calls) {
    }

    /** The recent steps' durations, for time-left estimates. */
    public StepHistory stepHistory() {
        return new StepHistory(handle);
    }

    /** Answers once the database does: the health probe. */
    public boolean ping() {
        return handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
    }

    public Map<String, Long> videosByStatus() {
        return counts("SELECT status, COUNT(*) FROM videos GROUP BY status ORDER BY status");
    }

    public Map<String, Long> clipsByStatus() {
        return counts("SELECT status, COUNT(*) FROM clip_operations GROUP BY status ORDER BY status");
    }

    /** Events by type over all videos: failures ({@code job_failed}, {@code rate_limited}, {@code failed}) among them. */
    public Map<String, Long> eventsByType() {
        return counts("SELECT type, COUNT(*) FROM video_events GROUP BY type ORDER BY type");
    }

    public List<ProviderCalls> providerCalls() {
        return handle.createQuery("SELECT provider, operation, COUNT(*) AS calls FROM cost_ledger WHERE kind = 'SPENT'"
                        + " GROUP BY provider, operation ORDER BY provider, operation")
                .map((rs, ctx) -> new ProviderCalls(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        handle.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}

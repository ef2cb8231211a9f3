package org.reelforge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.reelforge.pipeline.LibraryStatistics;

/**
 * {@link LibraryStatistics} as grouped queries over {@code videos}, {@code clip_operations}, {@code video_events} and
 * {@code cost_ledger}. A step's duration is read from the events (each step ends with a known event and starts at a
 * known one) and its provider from the ledger. Thread-safe.
 */
public final class JdbiStatistics implements LibraryStatistics {
    /** The events that start a step and the event that ends it, per step (wire names). */
    private static final Map<String, List<String>> STARTS = Map.of(
            "script", List.of("queued", "resume_requested", "retry_requested"),
            "adapt", List.of("script_generated"),
            "audio", List.of("script_adapted"),
            "clips", List.of("clips_started"),
            "assembly", List.of("assembly_started"));
    private static final Map<String, String> ENDS = Map.of("script", "script_generated", "adapt", "script_adapted",
            "audio", "audio_generated", "clips", "clips_generated", "assembly", "completed");
    /** The ledger operation of the provider that does each step. */
    private static final Map<String, String> OPERATIONS = Map.of("script", "script", "adapt", "adapt", "audio", "voice",
            "clips", "clip", "assembly", "transcription");
    private final Jdbi jdbi;

    public JdbiStatistics(Database database) {
        this.jdbi = Jdbi.create(database.dataSource());
    }

    @Override
    public boolean ping() {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }

    @Override
    public Map<String, Long> videosByStatus() {
        return counts("SELECT status, COUNT(*) FROM videos GROUP BY status ORDER BY status");
    }

    @Override
    public Map<String, Long> clipsByStatus() {
        return counts("SELECT status, COUNT(*) FROM clip_operations GROUP BY status ORDER BY status");
    }

    @Override
    public Map<String, Long> eventsByType() {
        return counts("SELECT type, COUNT(*) FROM video_events GROUP BY type ORDER BY type");
    }

    @Override
    public List<ProviderCalls> providerCalls() {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT provider, operation, COUNT(*) AS calls FROM cost_ledger"
                        + " WHERE kind = 'SPENT' GROUP BY provider, operation ORDER BY provider, operation")
                .map((rs, ctx) -> new ProviderCalls(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    private Map<String, Long> counts(String sql) {
        return Transactions.read(jdbi, h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    @Override
    public List<StepSample> recentSteps(int maxVideos) {
        return Transactions.read(jdbi, h -> recent(h, maxVideos));
    }

    private static List<StepSample> recent(Handle handle, int maxVideos) {
        String videos = "SELECT id FROM videos WHERE status = 'completed' ORDER BY updated_at DESC LIMIT " + maxVideos;
        Map<String, Integer> blocks = new HashMap<>();
        handle.createQuery("SELECT id, total_blocks FROM videos WHERE id IN (" + videos + ")")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> blocks.put(e.getKey(), e.getValue()));
        Map<String, String> providers = new HashMap<>();
        handle.createQuery("SELECT video_id, operation, provider FROM cost_ledger WHERE kind = 'SPENT' AND video_id IN ("
                        + videos + ") ORDER BY id")
                .map((rs, ctx) -> new String[] {rs.getString(1) + "/" + rs.getString(2), rs.getString(3)})
                .forEach(row -> providers.putIfAbsent(row[0], row[1]));
        List<StepSample> samples = new ArrayList<>();
        Map<String, Map<String, Long>> started = new HashMap<>();
        handle.createQuery("SELECT video_id, at, type FROM video_events WHERE video_id IN (" + videos + ") ORDER BY id")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> step((String) row[0], (long) row[1], (String) row[2], started.computeIfAbsent(
                        (String) row[0], k -> new HashMap<>()), blocks, providers, samples));
        return samples;
    }

    private static void step(String video, long at, String type, Map<String, Long> started, Map<String, Integer> blocks,
                             Map<String, String> providers, List<StepSample> samples) {
        STARTS.forEach((step, starts) -> {
            if (starts.contains(type)) {
                started.put(step, at);
            }
        });
        ENDS.forEach((step, end) -> {
            Long from = started.remove(step);
            if (end.equals(type) && from != null) {
                samples.add(new StepSample(step, providers.getOrDefault(video + "/" + OPERATIONS.get(step), "unknown"),
                        Duration.ofMillis(Math.max(0, at - from)), Math.max(1, blocks.getOrDefault(video, 1)), at));
            } else if (from != null) {
                started.put(step, from);
            }
        });
    }
}

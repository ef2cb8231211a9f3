package org.reelforge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * How long each step took in this installation's recent finished videos, read from {@code video_events} (each step
 * ends with a known event and starts at a known one) and, for the provider that did it, from {@code cost_ledger}.
 * Read-only: three queries over the most recent completed videos. Reached through {@link StoreStatistics#stepHistory()}.
 */
public final class StepHistory {
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
    private final Handle handle;

    StepHistory(Handle handle) {
        this.handle = handle;
    }

    /**
     * One measured step of one video.
     *
     * @param provider the provider its ledger names for the step's operation, "unknown" when it has none
     * @param blocks   the video's number of blocks (audio, clips and assembly grow with it)
     * @param finishedAtMillis when the step ended, to prefer recent runs
     */
    public record Sample(String step, String provider, Duration took, int blocks, long finishedAtMillis) {
    }

    /** The steps of the {@code maxVideos} most recently completed videos, oldest first. */
    public List<Sample> recent(int maxVideos) {
        String videos = "SELECT id FROM videos WHERE status = 'completed' ORDER BY updated_at DESC LIMIT " + maxVideos;
        Map<String, Integer> blocks = new HashMap<>();
        handle.createQuery("SELECT id, total_blocks FROM videos WHERE id IN (" + videos + ")")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> blocks.put(e.getKey(), e.getValue()));
        Map<String, String> providers = new HashMap<>();
        handle.createQuery("SELECT video_id, operation, provider FROM cost_ledger WHERE kind = 'SPENT' AND video_id IN ("
                        + videos + ") ORDER BY id")
                .map((rs, ctx) -> new String[] {rs.getString(1) + "/" + rs.getString(2), rs.getString(3)})
                .forEach(row -> providers.putIfAbsent(row[0], row[1]));
        List<Sample> samples = new ArrayList<>();
        Map<String, Map<String, Long>> started = new HashMap<>();
        handle.createQuery("SELECT video_id, at, type FROM video_events WHERE video_id IN (" + videos + ") ORDER BY id")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> step((String) row[0], (long) row[1], (String) row[2], started.computeIfAbsent(
                        (String) row[0], k -> new HashMap<>()), blocks, providers, samples));
        return samples;
    }

    private static void step(String video, long at, String type, Map<String, Long> started, Map<String, Integer> blocks,
                             Map<String, String> providers, List<Sample> samples) {
        STARTS.forEach((step, starts) -> {
            if (starts.contains(type)) {
                started.put(step, at);
            }
        });
        ENDS.forEach((step, end) -> {
            Long from = started.remove(step);
            if (end.equals(type) && from != null) {
                samples.add(new Sample(step, providers.getOrDefault(video + "/" + OPERATIONS.get(step), "unknown"),
                        Duration.ofMillis(Math.max(0, at - from)), Math.max(1, blocks.getOrDefault(video, 1)), at));
            } else if (from != null) {
                started.put(step, from);
            }
        });
    }
}

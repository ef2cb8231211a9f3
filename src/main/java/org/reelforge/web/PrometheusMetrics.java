package org.reelforge.web;

import java.util.Map;
import org.reelforge.store.StoreStatistics;

/**
 * The Prometheus text exposition (format 0.0.4) of ReelForge, computed from the database at each scrape so every
 * node reports the same totals: videos by status, clip operations by status, paid provider calls, video events by
 * type (provider trouble shows as {@code job_failed} and {@code rate_limited}), queue depth, open progress streams.
 */
final class PrometheusMetrics {
    private final WebBackend backend;
    private final ProgressHub hub;

    PrometheusMetrics(WebBackend backend, ProgressHub hub) {
        this.backend = backend;
        this.hub = hub;
    }

    String scrape() {
        StringBuilder out = new StringBuilder();
        backend.store().read(tx -> {
            StoreStatistics stats = tx.statistics();
            family(out, "reelforge_videos", "gauge", "Videos by status.", "status", stats.videosByStatus());
            family(out, "reelforge_clip_operations", "gauge", "Clip operations by status.", "status", stats.clipsByStatus());
            header(out, "reelforge_provider_calls_total", "counter", "Paid provider calls recorded in the cost ledger.");
            stats.providerCalls().forEach(c -> out.append("reelforge_provider_calls_total{provider=\"").append(escape(c.provider()))
                    .append("\",operation=\"").append(escape(c.operation())).append("\"} ").append(c.calls()).append('\n'));
            family(out, "reelforge_video_events_total", "counter",
                    "Video events by type; job_failed and rate_limited count provider errors.", "type", stats.eventsByType());
            return null;
        });
        single(out, "reelforge_queue_depth", "gauge", "Videos with a planned or running advance job.", backend.plannedRuns());
        single(out, "reelforge_workers_running", "gauge", "1 if this process executes jobs.", backend.workersRunning() ? 1 : 0);
        single(out, "reelforge_progress_streams", "gauge", "Open SSE and WebSocket progress streams on this node.", hub.subscribers());
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help, String label, Map<String, Long> values) {
        header(out, name, type, help);
        values.forEach((k, v) -> out.append(name).append('{').append(label).append("=\"").append(escape(k)).append("\"} ")
                .append(v).append('\n'));
    }

    private static void single(StringBuilder out, String name, String type, String help, long value) {
        header(out, name, type, help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

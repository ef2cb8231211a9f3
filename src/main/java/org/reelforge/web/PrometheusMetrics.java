package org.reelforge.web;

import java.util.Map;
import org.reelforge.provider.meter.ProviderMeter;
import org.reelforge.pipeline.LibraryStatistics;

/**
 * The Prometheus text exposition (format 0.0.4) of ReelForge, computed from the database at each scrape so every
 * node reports the same totals: videos by status, clip operations by status, paid provider calls, video events by
 * type, queue depth, open progress streams — and, per node, provider calls by outcome with their latency histogram.
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
        LibraryStatistics stats = backend.statistics();
        family(out, "reelforge_videos", "gauge", "Videos by status.", "status", stats.videosByStatus());
        family(out, "reelforge_clip_operations", "gauge", "Clip operations by status.", "status", stats.clipsByStatus());
        header(out, "reelforge_provider_calls_total", "counter", "Paid provider calls recorded in the cost ledger.");
        stats.providerCalls().forEach(c -> out.append("reelforge_provider_calls_total{provider=\"").append(escape(c.provider()))
                .append("\",operation=\"").append(escape(c.operation())).append("\"} ").append(c.calls()).append('\n'));
        family(out, "reelforge_video_events_total", "counter",
                "Video events by type; job_failed and rate_limited count provider errors.", "type", stats.eventsByType());
        providers(out, backend.providerMeter());
        single(out, "reelforge_queue_depth", "gauge", "Videos with a planned or running advance job.", backend.plannedRuns());
        single(out, "reelforge_workers_running", "gauge", "1 if this process executes jobs.", backend.workersRunning() ? 1 : 0);
        single(out, "reelforge_progress_streams", "gauge", "Open SSE and WebSocket progress streams on this node.", hub.subscribers());
        return out.toString();
    }

    /** Provider calls made by this node: count by outcome, and a latency histogram per provider and operation. */
    private static void providers(StringBuilder out, ProviderMeter meter) {
        Map<ProviderMeter.Key, ProviderMeter.Series> snapshot = meter.snapshot();
        header(out, "reelforge_provider_requests_total", "counter",
                "Provider calls made by this node, by outcome (ok, transient, rate_limited, refused, permanent, error).");
        snapshot.forEach((k, s) -> s.outcomes().forEach((outcome, n) ->
                sample(out, "reelforge_provider_requests_total", labels(k, "outcome", outcome), String.valueOf(n))));
        header(out, "reelforge_provider_request_seconds", "histogram", "Latency of provider calls made by this node.");
        snapshot.forEach((k, s) -> {
            long[] buckets = s.buckets();
            for (int i = 0; i < buckets.length; i++) {
                sample(out, "reelforge_provider_request_seconds_bucket", labels(k, "le", String.valueOf(ProviderMeter.BUCKETS[i])),
                        String.valueOf(buckets[i]));
            }
            sample(out, "reelforge_provider_request_seconds_bucket", labels(k, "le", "+Inf"), String.valueOf(s.count()));
            sample(out, "reelforge_provider_request_seconds_sum", labels(k, null, null),
                    String.format(java.util.Locale.ROOT, "%.6f", s.sumSeconds()));
            sample(out, "reelforge_provider_request_seconds_count", labels(k, null, null), String.valueOf(s.count()));
        });
    }

    private static String labels(ProviderMeter.Key k, String extraName, String extraValue) {
        String extra = extraName == null ? "" : "," + extraName + "=\"" + escape(extraValue) + "\"";
        return "{provider=\"" + escape(k.provider()) + "\",operation=\"" + escape(k.operation()) + "\"" + extra + "}";
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
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

package org.reelforge.provider.meter;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.reelforge.provider.ProviderException;

/**
 * Counts every provider call this process makes — by provider, operation and outcome — and times it into a
 * latency histogram, for the metrics endpoint. Thread-safe and lock-free on the call path.
 */
public final class ProviderMeter {
    /** Upper bounds of the latency buckets, in seconds (Prometheus {@code le}). */
    public static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    /** One provider operation, e.g. ({@code veo:veo-3.1-fast-generate-preview}, {@code submit}). */
    public record Key(String provider, String operation) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = provider.compareTo(o.provider);
            return c != 0 ? c : operation.compareTo(o.operation);
        }
    }

    /** Counts by outcome and the latency histogram of one key. */
    public static final class Series {
        private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final AtomicLong nanos = new AtomicLong();
        private final LongAdder count = new LongAdder();

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(String outcome, long elapsedNanos) {
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
            double seconds = elapsedNanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            nanos.addAndGet(elapsedNanos);
            count.increment();
        }

        public Map<String, Long> outcomes() {
            Map<String, Long> out = new TreeMap<>();
            outcomes.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        /** Cumulative counts per bucket, in {@link #BUCKETS} order. */
        public long[] buckets() {
            long[] out = new long[buckets.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = buckets[i].sum();
            }
            return out;
        }

        public long count() {
            return count.sum();
        }

        public double sumSeconds() {
            return nanos.get() / 1e9;
        }
    }

    /** Runs {@code call}, recording its outcome ({@code ok} or the failure's kind) and how long it took. */
    public <T> T time(String provider, String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (ProviderException e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            throw e;
        } finally {
            series.computeIfAbsent(new Key(provider, operation), k -> new Series()).record(outcome, System.nanoTime() - start);
        }
    }

    /** Records an outcome seen in a reply rather than thrown (a poll answering that the operation failed). */
    public void mark(String provider, String operation, ProviderException failure) {
        Series s = series.get(new Key(provider, operation));
        if (s != null) {
            s.outcomes.computeIfAbsent(failure.kind().name().toLowerCase(Locale.ROOT) + "_reply", o -> new LongAdder()).increment();
        }
    }

    /** A snapshot, sorted by provider then operation. */
    public Map<Key, Series> snapshot() {
        return new TreeMap<>(series);
    }
}

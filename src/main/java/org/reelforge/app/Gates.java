package org.reelforge.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reelforge.provider.limit.ProviderGate;

/**
 * One {@link ProviderGate} per provider (the part of an adapter's name before {@code :}), shared by every port that
 * calls it: the Gemini script writer and the Gemini transcriber wait on the same rate limit. Its concurrency is
 * {@code REELFORGE_<PROVIDER>_CONCURRENCY} (1–100, default {@value #DEFAULT_CONCURRENCY}).
 */
final class Gates {
    static final int DEFAULT_CONCURRENCY = 8;
    private final Settings settings;
    private final Duration defaultWait;
    private final Clock clock;
    private final Map<String, ProviderGate> gates = new ConcurrentHashMap<>();

    Gates(Settings settings, Duration defaultWait, Clock clock) {
        this.settings = settings;
        this.defaultWait = defaultWait;
        this.clock = clock;
    }

    ProviderGate of(String adapterName) {
        String provider = adapterName.contains(":") ? adapterName.substring(0, adapterName.indexOf(':')) : adapterName;
        return gates.computeIfAbsent(provider, p -> new ProviderGate(p, settings.integer(variable(p), DEFAULT_CONCURRENCY,
                1, 100), defaultWait, clock));
    }

    static String variable(String provider) {
        return "REELFORGE_" + provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_CONCURRENCY";
    }
}

package org.reelforge.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the benchmarks' command-line values. */
final class BenchArgs {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private BenchArgs() {
    }

    /** {@code 500ms}, {@code 20s}, {@code 10m}; a bare number is seconds. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration such as 500ms, 20s or 10m: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}

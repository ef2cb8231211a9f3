package org.reelforge.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;

/** Reads configuration values from the environment, each bad value named with its rule. */
final class Settings {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private final Map<String, String> env;

    Settings(Map<String, String> env) {
        this.env = env;
    }

    String string(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    boolean isSet(String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    Duration duration(String name, Duration fallback) {
        if (!isSet(name)) {
            return fallback;
        }
        Matcher m = DURATION.matcher(env.get(name).strip());
        if (!m.matches()) {
            throw new ReelForgeException(name + " must be a duration such as 500ms, 10s, 15m or 1h (got \"" + env.get(name) + "\")");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = (long) (amount * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        });
        return Duration.ofMillis(millis);
    }

    int integer(String name, int fallback, int min, int max) {
        if (!isSet(name)) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(env.get(name).strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReelForgeException(name + " must be a whole number from " + min + " to " + max + " (got \"" + env.get(name) + "\")");
    }

    BigDecimal usd(String name, BigDecimal fallback) {
        if (!isSet(name)) {
            return fallback;
        }
        try {
            BigDecimal v = new BigDecimal(env.get(name).strip());
            if (v.signum() >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReelForgeException(name + " must be an amount of US dollars, 0 or more (got \"" + env.get(name) + "\")");
    }

    Map<String, String> env() {
        return env;
    }
}

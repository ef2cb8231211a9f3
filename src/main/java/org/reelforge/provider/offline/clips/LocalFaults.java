package org.reelforge.provider.offline.clips;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;
import org.reelforge.video.VideoId;

/**
 * Faults that {@link LocalClipGenerator} injects so that the pipeline meets, offline, what a remote video
 * model does to it. Each submission's fate is drawn from a hash of the seed, the video id, the block and
 * that block's attempt number, so the same seed gives the same faults whatever the thread order.
 * Rates are shares of submissions in [0, 1] and together at most 1.
 *
 * @param latency     time from submit to done (0: done at the first poll)
 * @param failureRate share of submissions that fail: half rejected at submit (TRANSIENT, like an HTTP 500),
 *                    half as an operation that finishes with an error
 * @param stuckRate   share of operations that never finish
 * @param refusalRate share of operations that finish without a clip: REFUSED, usage guidelines
 * @param seed        seed of the draws
 */
public record LocalFaults(Duration latency, double failureRate, double stuckRate, double refusalRate, long seed) {
    public static final String LATENCY = "REELFORGE_LOCAL_CLIP_LATENCY";
    public static final String FAILURE_RATE = "REELFORGE_LOCAL_CLIP_FAILURE_RATE";
    public static final String STUCK_RATE = "REELFORGE_LOCAL_CLIP_STUCK_RATE";
    public static final String REFUSAL_RATE = "REELFORGE_LOCAL_CLIP_REFUSAL_RATE";
    public static final String SEED = "REELFORGE_LOCAL_SEED";
    /** No latency, no faults. */
    public static final LocalFaults NONE = new LocalFaults(Duration.ZERO, 0, 0, 0, 0);

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** What happens to one submission. */
    public enum Fate {
        /** A clip, after the latency. */
        SUCCEEDS,
        /** The submit call itself fails (TRANSIENT, like an HTTP 500). */
        REJECTED_AT_SUBMIT,
        /** The operation finishes with an error (TRANSIENT). */
        FAILS_WHEN_DONE,
        /** The operation never finishes. */
        STUCK,
        /** The operation finishes without a clip: the content was refused. */
        REFUSED
    }

    public LocalFaults {
        if (latency == null || latency.isNegative()) {
            throw new ReelForgeException(LATENCY + " must be a duration >= 0, got " + latency);
        }
        requireRate(FAILURE_RATE, failureRate);
        requireRate(STUCK_RATE, stuckRate);
        requireRate(REFUSAL_RATE, refusalRate);
        if (failureRate + stuckRate + refusalRate > 1.0 + 1e-9) {
            throw new ReelForgeException(FAILURE_RATE + " + " + STUCK_RATE + " + " + REFUSAL_RATE
                    + " must be at most 1, got " + (failureRate + stuckRate + refusalRate));
        }
    }

    /** Reads the variables from the process environment. */
    public static LocalFaults fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@value #LATENCY} (e.g. {@code 20s}, {@code 500ms}, {@code 2m}, {@code 1h}; a bare number is seconds;
     * default 0), the three rates (decimals in [0, 1], default 0) and {@value #SEED} (an integer, default 0).
     * Unset or blank variables take their default; an invalid value raises an exception naming the variable.
     */
    public static LocalFaults fromEnvironment(Map<String, String> env) {
        return new LocalFaults(duration(env.get(LATENCY)), rate(env, FAILURE_RATE), rate(env, STUCK_RATE),
                rate(env, REFUSAL_RATE), seed(env.get(SEED)));
    }

    /** The fate of the {@code attempt}-th submission (1-based) of {@code block} of {@code videoId}. */
    public Fate fate(VideoId videoId, int block, int attempt) {
        ByteBuffer draws = ByteBuffer.wrap(digest(seed + "|" + videoId + "|" + block + "|" + attempt));
        double u = unit(draws.getLong());
        boolean atSubmit = unit(draws.getLong()) < 0.5;
        if (u < failureRate) {
            return atSubmit ? Fate.REJECTED_AT_SUBMIT : Fate.FAILS_WHEN_DONE;
        }
        if (u < failureRate + stuckRate) {
            return Fate.STUCK;
        }
        return u < failureRate + stuckRate + refusalRate ? Fate.REFUSED : Fate.SUCCEEDS;
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void requireRate(String variable, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new ReelForgeException(variable + " must be a number between 0 and 1, got " + rate);
        }
    }

    static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ReelForgeException(LATENCY + " must be a duration such as 500ms, 20s, 2m or 1h, got \"" + value + "\"");
        }
        double amount = Double.parseDouble(m.group(1));
        long millisPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        return Duration.ofMillis(Math.round(amount * millisPerUnit));
    }

    private static double rate(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value.strip());
            requireRate(variable, rate);
            return rate;
        } catch (NumberFormatException e) {
            throw new ReelForgeException(variable + " must be a number between 0 and 1, got \"" + value + "\"", e);
        }
    }

    private static long seed(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ReelForgeException(SEED + " must be an integer, got \"" + value + "\"", e);
        }
    }
}

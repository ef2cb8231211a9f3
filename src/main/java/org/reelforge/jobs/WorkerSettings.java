package org.reelforge.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;

/**
 * How a worker node shows it is alive and how it stops, from the environment:
 * {@value #HEARTBEAT} (default 1s) is how often a node stamps the runs it executes; after {@value #MISSED} missed
 * stamps (default 5) another node takes its runs over. db-scheduler looks for dead runs every two heartbeat
 * intervals and the queue is polled every second, so a killed node's runs move again within
 * {@link #worstPickup()} (8 s by default). {@value #GRACE} (default 30s) is how long running steps may finish on
 * SIGTERM before they are interrupted and handed back.
 *
 * <p>Shorter heartbeats pick dead nodes up sooner but write more often (one UPDATE per running run per heartbeat) and
 * take a node that stalls longer than {@code heartbeat × missed} (a long GC pause, a database that does not answer)
 * for dead; its step then runs again elsewhere, which the pipeline's optimistic locking makes safe.
 */
public record WorkerSettings(Duration heartbeatInterval, int missedHeartbeats, Duration shutdownGrace) {
    public static final String HEARTBEAT = "REELFORGE_HEARTBEAT_INTERVAL";
    public static final String MISSED = "REELFORGE_MISSED_HEARTBEATS";
    public static final String GRACE = "REELFORGE_SHUTDOWN_GRACE";
    private static final Duration POLLING = Duration.ofSeconds(1);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    public WorkerSettings {
        if (heartbeatInterval.compareTo(Duration.ofMillis(100)) < 0 || heartbeatInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ReelForgeException(HEARTBEAT + " must be from 100ms to 5m (got " + heartbeatInterval + ")");
        }
        if (missedHeartbeats < 2 || missedHeartbeats > 100) {
            throw new ReelForgeException(MISSED + " must be a whole number from 2 to 100 (got " + missedHeartbeats + ")");
        }
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofHours(1)) > 0) {
            throw new ReelForgeException(GRACE + " must be from 0s to 1h (got " + shutdownGrace + ")");
        }
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(Duration.ofSeconds(1), 5, Duration.ofSeconds(30));
    }

    /** Reads the environment; each malformed value is named with its rule. */
    public static WorkerSettings fromEnvironment(Map<String, String> env) {
        WorkerSettings d = defaults();
        return new WorkerSettings(duration(env, HEARTBEAT, d.heartbeatInterval()), integer(env, MISSED, d.missedHeartbeats()),
                duration(env, GRACE, d.shutdownGrace()));
    }

    /** A node that has not stamped its runs for this long is taken for dead. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }

    /** The longest a dead node's runs wait before another node runs them. */
    public Duration worstPickup() {
        return deadAfter().plus(heartbeatInterval.multipliedBy(2)).plus(POLLING);
    }

    /** How long a stopping process may take: the grace, then as long again for interrupted steps to return. */
    public Duration longestStop() {
        return shutdownGrace.multipliedBy(2).plusSeconds(10);
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            throw new ReelForgeException(name + " must be a duration such as 500ms, 10s, 15m or 1h (got \"" + v + "\")");
        }
        double amount = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        };
        return Duration.ofMillis((long) (amount * unit));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ReelForgeException(name + " must be a whole number from 2 to 100 (got \"" + v + "\")", e);
        }
    }
}

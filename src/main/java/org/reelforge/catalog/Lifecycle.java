package org.reelforge.catalog;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a model stands at its service: live, deprecated (still answering, with an announced end) or shut down. A
 * shut-down or deprecated model with a date in the future still answers until that day.
 *
 * @param date        the shutdown day (deprecated: the announced one), or null when none is known
 * @param replacement the model the service names instead, or null
 */
public record Lifecycle(State state, LocalDate date, String replacement) {
    public enum State { LIVE, DEPRECATED, SHUT_DOWN }

    public Lifecycle {
        Objects.requireNonNull(state, "state");
        if (state == State.SHUT_DOWN && date == null) {
            throw new IllegalArgumentException("a shut_down model needs its date");
        }
    }

    public static Lifecycle live() {
        return new Lifecycle(State.LIVE, null, null);
    }

    /** True when the model no longer answers on {@code today}. */
    public boolean isShutDownOn(LocalDate today) {
        return state != State.LIVE && date != null && !today.isBefore(date);
    }

    /** "live", "deprecated, shuts down 2026-12-01", "shut down 2026-10-22 (use gemini-omni-1.1-flash)". */
    public String describe(LocalDate today) {
        String when = date == null ? "" : (isShutDownOn(today) ? " " : ", shuts down ") + date;
        String text = switch (state) {
            case LIVE -> "live";
            case DEPRECATED -> "deprecated" + when;
            case SHUT_DOWN -> (isShutDownOn(today) ? "shut down" : "live, shuts down") + (isShutDownOn(today) ? when : " " + date);
        };
        return replacement == null || state == State.LIVE ? text : text + " (use " + replacement + ")";
    }

    public String wireName() {
        return state.name().toLowerCase(Locale.ROOT);
    }
}

package org.reelforge.account;

import java.util.List;
import java.util.function.Function;

/**
 * Sliding windows of event times per bucket ({@code create}, {@code login_failure}) and subject, kept where every API
 * node sees them (the store implements it). Thread-safe.
 */
public interface RateWindows {
    /**
     * Changes one window in one transaction that holds the window's lock (created empty when new), so two nodes cannot
     * both let the last event in: {@code change} gets the stored times, oldest first, and says the times to store and
     * what to answer.
     */
    <T> T change(String bucket, String subject, long nowMillis, Function<List<Long>, Change<T>> change);

    /** The times to store and the caller's answer. */
    record Change<T>(List<Long> events, T answer) {
    }

    /** The times of a window, oldest first (empty when it has none). */
    List<Long> read(String bucket, String subject);

    void delete(String bucket, String subject);

    /** Removes the windows of {@code bucket} untouched since {@code beforeMillis}; returns how many. */
    int purge(String bucket, long beforeMillis);
}

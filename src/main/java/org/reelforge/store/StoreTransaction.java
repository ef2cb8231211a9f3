package org.reelforge.store;

import org.jdbi.v3.core.Handle;

/**
 * The rows of one transaction (or one read) outside the run aggregate: users and statistics. Not thread-safe: one per
 * unit of work. Video runs live in {@link JdbiVideoRuns}.
 */
public final class StoreTransaction {
    private final Handle handle;

    StoreTransaction(Handle handle) {
        this.handle = handle;
    }

    /** The {@code users} rows, in this same transaction. */
    public UserTable users() {
        return new UserTable(handle);
    }

    /** Sliding-window limits shared by every API node, in this same transaction. */
    public RateWindowTable rateWindows() {
        return new RateWindowTable(handle);
    }

    /** Signed-out sessions shared by every API node, in this same transaction. */
    public RevokedSessionTable revokedSessions() {
        return new RevokedSessionTable(handle);
    }

    /** Counts over all videos for health and metrics, in this same transaction. */
    public StoreStatistics statistics() {
        return new StoreStatistics(handle);
    }

    /** How many videos {@code owner} has. */
    public int countVideos(String owner) {
        return handle.createQuery("SELECT COUNT(*) FROM videos WHERE owner = :owner").bind("owner", owner)
                .mapTo(Integer.class).one();
    }
}

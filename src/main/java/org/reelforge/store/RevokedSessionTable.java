package org.reelforge.store;

import org.jdbi.v3.core.Handle;

/** The {@code revoked_sessions} rows of one transaction (see {@link StoreTransaction#revokedSessions()}). Not thread-safe. */
public final class RevokedSessionTable {
    private final Handle handle;

    RevokedSessionTable(Handle handle) {
        this.handle = handle;
    }

    /** Records that {@code sessionId} signed out, until {@code expiresAt} (epoch millis); signing out twice is one row. */
    public void revoke(String sessionId, long now, long expiresAt) {
        handle.createUpdate("""
                        INSERT INTO revoked_sessions (session_id, revoked_at, expires_at) VALUES (:id, :now, :expires)
                        ON CONFLICT (session_id) DO NOTHING""")
                .bind("id", sessionId).bind("now", now).bind("expires", expiresAt).execute();
    }

    public boolean isRevoked(String sessionId) {
        return handle.createQuery("SELECT COUNT(*) FROM revoked_sessions WHERE session_id = :id").bind("id", sessionId)
                .mapTo(Integer.class).one() > 0;
    }

    /** Removes the rows whose sessions' tokens have all expired by {@code now}; returns how many. */
    public int purge(long now) {
        return handle.createUpdate("DELETE FROM revoked_sessions WHERE expires_at <= :now").bind("now", now).execute();
    }

    public int count() {
        return handle.createQuery("SELECT COUNT(*) FROM revoked_sessions").mapTo(Integer.class).one();
    }
}

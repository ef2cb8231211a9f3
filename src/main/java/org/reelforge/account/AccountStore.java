package org.reelforge.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where users and signed-out sessions are kept, shared by every node on one database (the store implements it). Each
 * method is one transaction; thread-safe.
 */
public interface AccountStore {
    /** Inserts {@code user}; false (and nothing written) if the username is taken. */
    boolean insert(UserRecord user);

    Optional<UserRecord> find(String username);

    /** Every user, by name, with how many videos each owns. */
    List<Owner> owners();

    /** A user and the number of videos they own. */
    record Owner(UserRecord user, int videos) {
    }

    /** Replaces the password hash of {@code username}, which also lifts {@link UserRecord#mustChangePassword}; false if no such user. */
    boolean updatePassword(String username, String passwordHash);

    /** How many users have {@code role}. */
    int count(Role role);

    /**
     * Removes {@code username} unless they own videos, checked and done in one transaction (a video created meanwhile
     * keeps the account): empty when there was no such user, else the number of videos that kept it (0: removed).
     */
    Optional<Integer> removeUnlessOwning(String username);

    /**
     * Records that a session signed out, until {@code expiresAt} (signing out twice is one row), and forgets the
     * sessions whose tokens have all expired by {@code now}.
     */
    void revokeSession(String sessionId, Instant now, Instant expiresAt);

    boolean isSessionRevoked(String sessionId);
}

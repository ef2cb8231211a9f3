package org.reelforge.store;

import java.time.Instant;

/**
 * One row of the {@code users} table, as stored: the web layer gives meaning to the role and the hash.
 *
 * @param passwordHash a self-describing slow hash, never the password
 * @param role         {@code admin} or {@code user}
 * @param mustChangePassword the password was given to them (a one-time password): they must choose their own first
 */
public record UserRow(String username, String passwordHash, String role, Instant createdAt, boolean mustChangePassword) {
    public UserRow(String username, String passwordHash, String role, Instant createdAt) {
        this(username, passwordHash, role, createdAt, false);
    }
}

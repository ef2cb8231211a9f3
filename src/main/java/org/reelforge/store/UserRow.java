package org.reelforge.store;

import java.time.Instant;

/**
 * One row of the {@code users} table, as stored: the web layer gives meaning to the role and the hash.
 *
 * @param passwordHash a self-describing slow hash, never the password
 * @param role         {@code admin} or {@code user}
 */
public record UserRow(String username, String passwordHash, String role, Instant createdAt) {
}

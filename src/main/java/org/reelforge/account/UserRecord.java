package org.reelforge.account;

import java.time.Instant;

/**
 * A user as stored.
 *
 * @param passwordHash       a self-describing slow hash ({@link Pbkdf2Passwords}), never the password
 * @param mustChangePassword the password was given to them (a one-time password): they must choose their own first
 */
public record UserRecord(String username, String passwordHash, Role role, Instant createdAt, boolean mustChangePassword) {
    public UserRecord(String username, String passwordHash, Role role, Instant createdAt) {
        this(username, passwordHash, role, createdAt, false);
    }
}

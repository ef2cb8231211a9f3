package org.reelforge.web;

import java.time.Instant;

/**
 * What a verified token says: who, with which role, what kind of token, valid until when, and (refresh tokens) the
 * stamp of the password it was issued under; null when the token carries none.
 */
public record TokenClaims(String subject, Role role, TokenType type, Instant issuedAt, Instant expiresAt,
                          String passwordStamp) {
    public User user() {
        return new User(subject, role);
    }
}

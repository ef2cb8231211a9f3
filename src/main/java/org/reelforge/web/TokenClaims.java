package org.reelforge.web;

import java.time.Instant;

/** What a verified token says: who, with which role, what kind of token, valid until when. */
public record TokenClaims(String subject, Role role, TokenType type, Instant issuedAt, Instant expiresAt) {
    public User user() {
        return new User(subject, role);
    }
}

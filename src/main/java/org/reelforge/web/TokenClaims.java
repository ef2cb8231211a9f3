package org.reelforge.web;

import java.time.Instant;
import org.reelforge.account.User;
import org.reelforge.account.Role;

/**
 * What a verified token says: who, with which role, what kind of token, valid until when, (refresh tokens) the
 * stamp of the password it was issued under, and the sign-in session it belongs to (claim {@code sid}: the access and
 * refresh tokens of one sign-in and of its refreshes share it, so signing out ends them all); each null when the
 * token carries none (tokens issued before sessions existed).
 */
public record TokenClaims(String subject, Role role, TokenType type, Instant issuedAt, Instant expiresAt,
                          String passwordStamp, String sessionId) {
    public User user() {
        return new User(subject, role);
    }
}

package org.reelforge.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.reelforge.account.UserAccounts;

/**
 * Sign-in sessions and sign-out, shared by every API node through the database ({@code revoked_sessions}). A
 * session starts at sign-in (a random id that its access and refresh tokens carry as {@code sid}) and continues
 * through refreshes. Signing out records the session as revoked until the last token it could have issued expires
 * (now + the refresh token's lifetime); from then on its refresh tokens and its access tokens are refused, on every
 * node at once (each API request reads the row by primary key, beside the read of its user). Rows past their expiry
 * are purged at each sign-out. Thread-safe.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final UserAccounts accounts;
    private final Clock clock;

    Sessions(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new session id: 128 random bits, base64url. */
    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The id a token is revoked under: its session, or (tokens issued before sessions existed) a digest of the token
     * itself, so even those can be signed out.
     */
    static String revocationId(TokenClaims claims, String token) {
        return claims.sessionId() != null ? claims.sessionId() : "token-" + digest(token);
    }

    /** Signs a session out on every node. */
    void revoke(String revocationId) {
        accounts.revokeSession(revocationId, clock.instant().plus(TokenType.REFRESH.lifetime()));
    }

    boolean isRevoked(String revocationId) {
        return accounts.isSessionRevoked(revocationId);
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

package org.reelforge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.reelforge.account.User;
import org.reelforge.account.Role;
import org.reelforge.wire.Json;

/**
 * JSON Web Tokens signed with HS256 (RFC 7519), with the JDK's HMAC: no other algorithm is accepted, so a
 * token cannot choose {@code none} or switch keys. Claims: {@code sub}, {@code role}, {@code typ}
 * (access|refresh), {@code iat}, {@code exp} (seconds), and optionally {@code pwd} (password stamp) and {@code sid}
 * (sign-in session). Thread-safe.
 */
public final class Jwt {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private final SecretKeySpec key;
    private final Clock clock;
    private final java.time.Duration accessLifetime;

    /** @param secret at least 32 bytes */
    public Jwt(byte[] secret, Clock clock) {
        this(secret, clock, TokenType.ACCESS.lifetime());
    }

    /** The same, with access tokens that live {@code accessLifetime} instead of the default. */
    public Jwt(byte[] secret, Clock clock, java.time.Duration accessLifetime) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes (got " + secret.length + ")");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
        this.accessLifetime = accessLifetime;
    }

    /** How long tokens of {@code type} signed here live. */
    public java.time.Duration lifetime(TokenType type) {
        return type == TokenType.ACCESS ? accessLifetime : type.lifetime();
    }

    /** A signed token of {@code type} for {@code user}, valid for the type's lifetime from now. */
    public String sign(User user, TokenType type) {
        return sign(user, type, null, null);
    }

    /**
     * The same, carrying {@code passwordStamp} (claim {@code pwd}, see {@link UserAccounts.Credentials#passwordStamp}) so that
     * a password change can retire the token; null for none.
     */
    public String sign(User user, TokenType type, String passwordStamp) {
        return sign(user, type, passwordStamp, null);
    }

    /** The same, in the sign-in session {@code sessionId} (claim {@code sid}, so signing out can end it); null for none. */
    public String sign(User user, TokenType type, String passwordStamp, String sessionId) {
        Instant now = clock.instant();
        ObjectNode claims = Json.MAPPER.createObjectNode().put("sub", user.username()).put("role", user.role().wireName())
                .put("typ", type.claim()).put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime(type)).getEpochSecond());
        if (passwordStamp != null) {
            claims.put("pwd", passwordStamp);
        }
        if (sessionId != null) {
            claims.put("sid", sessionId);
        }
        String signingInput = HEADER + "." + ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + ENCODER.encodeToString(mac(signingInput));
    }

    /**
     * Checks the signature, the algorithm, the expiry and the kind of {@code token}.
     *
     * @throws InvalidTokenException saying what is wrong
     */
    public TokenClaims verify(String token, TokenType expected) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("token is not a JWT (three dot-separated parts)");
        }
        byte[] signature = decode(parts[2]);
        if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
            throw new InvalidTokenException("token signature does not match");
        }
        if (!"HS256".equals(json(parts[0]).path("alg").asText())) {
            throw new InvalidTokenException("token algorithm must be HS256");
        }
        TokenClaims claims = claims(json(parts[1]));
        if (claims.type() != expected) {
            throw new InvalidTokenException("expected an " + expected.claim() + " token, got a " + claims.type().claim() + " token");
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new InvalidTokenException("token expired at " + claims.expiresAt());
        }
        return claims;
    }

    private static TokenClaims claims(JsonNode node) {
        try {
            TokenType type = TokenType.valueOf(node.path("typ").asText().toUpperCase(java.util.Locale.ROOT));
            Role role = Role.valueOf(node.path("role").asText().toUpperCase(java.util.Locale.ROOT));
            String subject = node.path("sub").asText();
            if (subject.isEmpty() || !node.path("exp").canConvertToLong()) {
                throw new InvalidTokenException("token lacks sub or exp");
            }
            return new TokenClaims(subject, role, type, Instant.ofEpochSecond(node.path("iat").asLong()),
                    Instant.ofEpochSecond(node.path("exp").asLong()), text(node, "pwd"), text(node, "sid"));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token has an unknown role or type");
        }
    }

    private static String text(JsonNode node, String claim) {
        return node.hasNonNull(claim) ? node.get(claim).asText() : null;
    }

    private static JsonNode json(String part) {
        try {
            return Json.MAPPER.readTree(decode(part));
        } catch (java.io.IOException e) {
            throw new InvalidTokenException("token part is not JSON");
        }
    }

    private static byte[] decode(String part) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token part is not base64url");
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}

package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.reelforge.account.User;
import org.reelforge.account.Role;
import org.reelforge.pipeline.MutableClock;

class JwtTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private final Jwt jwt = new Jwt(SECRET, clock);
    private final User alice = new User("alice", Role.USER);

    @Test
    void signedAccessTokenVerifiesToItsUserAndRole() {
        TokenClaims claims = jwt.verify(jwt.sign(alice, TokenType.ACCESS), TokenType.ACCESS);

        assertThat(claims.user()).isEqualTo(alice);
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-02-01T10:15:00Z"));
    }

    @Test
    void accessTokenExpiresAfterFifteenMinutes() {
        String token = jwt.sign(alice, TokenType.ACCESS);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        jwt.verify(token, TokenType.ACCESS);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> jwt.verify(token, TokenType.ACCESS)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refreshTokenLastsSevenDays() {
        String token = jwt.sign(alice, TokenType.REFRESH);
        clock.advance(Duration.ofDays(7).minusSeconds(1));

        assertThat(jwt.verify(token, TokenType.REFRESH).subject()).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> jwt.verify(token, TokenType.REFRESH)).hasMessageContaining("expired");
    }

    @Test
    void thePasswordStampTravelsInTheTokenAndIsAbsentWhenNoneWasGiven() {
        assertThat(jwt.verify(jwt.sign(alice, TokenType.REFRESH, "s7aMp"), TokenType.REFRESH).passwordStamp()).isEqualTo("s7aMp");
        assertThat(jwt.verify(jwt.sign(alice, TokenType.REFRESH), TokenType.REFRESH).passwordStamp()).isNull();
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String refresh = jwt.sign(alice, TokenType.REFRESH);

        assertThatThrownBy(() -> jwt.verify(refresh, TokenType.ACCESS)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expected an access token");
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = jwt.sign(alice, TokenType.ACCESS).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"user\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> jwt.verify(parts[0] + "." + forged + "." + parts[2], TokenType.ACCESS))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        Jwt other = new Jwt("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8), clock);

        assertThatThrownBy(() -> jwt.verify(other.sign(alice, TokenType.ACCESS), TokenType.ACCESS))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = jwt.sign(alice, TokenType.ACCESS).split("\\.")[1];

        assertThatThrownBy(() -> jwt.verify(header + "." + payload + ".", TokenType.ACCESS))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void garbageIsRefusedWithoutAnyOtherException() {
        for (String garbage : new String[] {"", "abc", "a.b.c", "a.b", "%%%.%%%.%%%", "e30.e30.e30", null}) {
            assertThatThrownBy(() -> jwt.verify(garbage, TokenType.ACCESS)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void shortSecretIsRefused() {
        assertThatThrownBy(() -> new Jwt(new byte[16], clock)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.account.Role;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiAccounts;
import org.reelforge.account.Pbkdf2Passwords;
import org.reelforge.account.UserAccounts;

class SessionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private Database database;
    private JdbiAccounts store;
    private Sessions sessions;

    @BeforeEach
    void open(@TempDir Path dir) {
        database = Database.sqlite(dir);
        store = new JdbiAccounts(database);
        sessions = new Sessions(new UserAccounts(store, new Pbkdf2Passwords(), clock), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSignedOutSessionStaysRefusedUntilItsLastTokenWouldHaveExpiredThenItsRowIsPurged() {
        sessions.revoke("phone");
        clock.advance(TokenType.REFRESH.lifetime().minus(Duration.ofSeconds(1)));
        assertThat(sessions.isRevoked("phone")).isTrue();

        clock.advance(Duration.ofSeconds(2));
        sessions.revoke("laptop");

        assertThat(sessions.isRevoked("phone")).isFalse();
        assertThat(sessions.isRevoked("laptop")).isTrue();
        assertThat(store.revokedSessions()).isEqualTo(1);
    }

    @Test
    void tokensWithoutASessionAreRevokedOneByOne() {
        TokenClaims old = new TokenClaims("alice", Role.USER, TokenType.REFRESH, clock.instant(), clock.instant(), null, null);

        String first = Sessions.revocationId(old, "token-one");

        assertThat(first).isNotEqualTo(Sessions.revocationId(old, "token-two")).doesNotContain("token-one");
        assertThat(Sessions.revocationId(new TokenClaims("alice", Role.USER, TokenType.REFRESH, clock.instant(),
                clock.instant(), null, "sid-1"), "token-one")).isEqualTo("sid-1");
    }
}

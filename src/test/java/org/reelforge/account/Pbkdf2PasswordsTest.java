package org.reelforge.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pbkdf2PasswordsTest {
    private final Pbkdf2Passwords passwords = new Pbkdf2Passwords();

    @Test
    void hashMatchesItsPasswordOnly() {
        String hash = passwords.hash("correct horse battery staple");

        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
    }

    @Test
    void hashNamesSchemeAndAtLeast210000Iterations() {
        String[] parts = passwords.hash("secret-password").split("\\$");

        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(parts[3]).doesNotContain("secret");
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(passwords.hash("same-password")).isNotEqualTo(passwords.hash("same-password"));
    }

    @Test
    void hashWithOtherIterationCountStillVerifies() {
        String cheap = new Pbkdf2Passwords(1000).hash("old-password");

        assertThat(passwords.matches("old-password", cheap)).isTrue();
    }

    @Test
    void malformedStoredHashNeverMatches() {
        for (String stored : new String[] {null, "", "plain", "pbkdf2-sha256$x$y$z", "md5$1$AA==$AA==",
                "pbkdf2-sha256$0$AA==$AA==", "pbkdf2-sha256$10$!!$AA=="}) {
            assertThat(passwords.matches("anything", stored)).isFalse();
        }
    }
}

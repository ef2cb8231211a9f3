package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reelforge.ReelForgeException;

class WebSettingsTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    @Test
    void loopbackWithoutSecretUsesARandomOne() {
        WebSettings s = WebSettings.from(Map.of(), "127.0.0.1", 8080);

        assertThat(s.secretGenerated()).isTrue();
        assertThat(s.jwtSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(s.corsOrigins()).isEmpty();
        assertThat(s.createRatePerMinute()).isEqualTo(10);
    }

    @Test
    void nonLoopbackHostWithoutSecretIsRefused() {
        assertThatThrownBy(() -> WebSettings.from(Map.of(), "0.0.0.0", 8080)).isInstanceOf(ReelForgeException.class)
                .hasMessageContaining("REELFORGE_JWT_SECRET");
        assertThat(WebSettings.from(Map.of(WebSettings.JWT_SECRET, SECRET), "0.0.0.0", 8080).secretGenerated()).isFalse();
    }

    @Test
    void shortSecretIsRefused() {
        assertThatThrownBy(() -> WebSettings.from(Map.of(WebSettings.JWT_SECRET, "short"), "127.0.0.1", 8080))
                .hasMessageContaining("at least 32");
    }

    @Test
    void corsOriginsAndRateAreRead() {
        WebSettings s = WebSettings.from(Map.of(WebSettings.CORS_ORIGINS, "https://a.example.com, http://localhost:5173/",
                WebSettings.CREATE_RATE, "3"), "localhost", 0);

        assertThat(s.corsOrigins()).containsExactly("https://a.example.com", "http://localhost:5173");
        assertThat(s.createRatePerMinute()).isEqualTo(3);
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> WebSettings.from(Map.of(WebSettings.CORS_ORIGINS, "*"), "127.0.0.1", 0))
                .hasMessageContaining("REELFORGE_CORS_ORIGINS");
        assertThatThrownBy(() -> WebSettings.from(Map.of(WebSettings.CREATE_RATE, "lots"), "127.0.0.1", 0))
                .hasMessageContaining("REELFORGE_CREATE_RATE_PER_MINUTE");
        assertThatThrownBy(() -> WebSettings.from(Map.of(WebSettings.ADMIN_USER, "root"), "127.0.0.1", 0))
                .hasMessageContaining("REELFORGE_ADMIN_PASSWORD");
    }

    @Test
    void aPresignLifetimeIsReadAndAnUnusableOneIsRefusedNamingTheVariable() {
        assertThat(WebSettings.from(Map.of(), "127.0.0.1", 8080).presignTtl()).isNull();
        assertThat(WebSettings.from(Map.of(WebSettings.PRESIGN, "5m"), "127.0.0.1", 8080).presignTtl())
                .isEqualTo(java.time.Duration.ofMinutes(5));
        for (String bad : new String[]{"0s", "8d", "169h", "soon"}) {
            assertThatThrownBy(() -> WebSettings.from(Map.of(WebSettings.PRESIGN, bad), "127.0.0.1", 8080))
                    .isInstanceOf(ReelForgeException.class).hasMessageContaining(WebSettings.PRESIGN).hasMessageContaining(bad);
        }
    }
}

package org.reelforge.web;

import java.time.Duration;

/** The two kinds of token: a short-lived one for API calls, a longer one that only buys new tokens. */
public enum TokenType {
    ACCESS(Duration.ofMinutes(15)), REFRESH(Duration.ofDays(7));

    private final Duration lifetime;

    TokenType(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String claim() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

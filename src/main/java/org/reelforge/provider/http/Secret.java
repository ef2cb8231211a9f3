package org.reelforge.provider.http;

import java.util.Objects;

/**
 * A credential (API key, access token). Its {@link #toString()} never shows the value, so a config record
 * that holds one can be logged safely; only {@link #reveal()} gives the value, to put it into a header.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}

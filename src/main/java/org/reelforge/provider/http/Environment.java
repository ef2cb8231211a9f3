package org.reelforge.provider.http;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads an adapter's settings from environment variables; blank values count as unset. */
public record Environment(Map<String, String> values) {
    public Environment {
        values = Map.copyOf(values);
    }

    /** Never prints the values: they hold keys. */
    @Override
    public String toString() {
        return "Environment[" + values.size() + " variables]";
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public Optional<Secret> secret(String name) {
        return optional(name).map(Secret::new);
    }

    public URI uri(String name, String defaultValue) {
        String value = get(name, defaultValue);
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a URL (got \"" + value + "\")", e);
        }
    }
}

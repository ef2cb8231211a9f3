package org.reelforge.provider.whisper;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;

/**
 * A whisper.cpp server ({@code whisper-server}); start it with {@code --convert} unless the audio is already
 * 16 kHz WAV.
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
 */
public record WhisperCppConfig(URI baseUrl, HttpTimeouts timeouts) {
    public WhisperCppConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** From {@code REELFORGE_WHISPERCPP_BASE_URL}; empty when it is not set (the server needs no key). */
    public static Optional<WhisperCppConfig> fromEnvironment(Map<String, String> env) {
        Environment e = new Environment(env);
        return e.optional("REELFORGE_WHISPERCPP_BASE_URL")
                .map(url -> new WhisperCppConfig(e.uri("REELFORGE_WHISPERCPP_BASE_URL", url), HttpTimeouts.ofSeconds(5, 600)));
    }
}

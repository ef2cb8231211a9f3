package org.reelforge.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a model is called: which of its service's APIs serves it. */
public enum ApiFamily {
    /** Gemini/Vertex Interactions API ({@code POST /interactions}, background + poll): Gemini Omni Flash. */
    INTERACTIONS("interactions"),
    /** Long-running operations ({@code :predictLongRunning} + poll): Veo. */
    PREDICT_LONG_RUNNING("predictLongRunning"),
    /** Gemini {@code :generateContent}. */
    GENERATE_CONTENT("generateContent"),
    /** OpenAI-compatible chat completions. */
    CHAT("chat"),
    /** Text to speech. */
    TTS("tts"),
    /** Speech to text. */
    TRANSCRIPTION("transcription");

    private final String wireName;

    ApiFamily(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the allowed values */
    static ApiFamily parse(String value) {
        for (ApiFamily f : values()) {
            if (f.wireName.equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(ApiFamily::wireName)
                .collect(Collectors.joining(", ")) + " (got \"" + value + "\")");
    }
}

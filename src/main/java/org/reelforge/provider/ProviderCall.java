package org.reelforge.provider;

import java.util.Objects;

/**
 * One call to a provider, in the units it bills (tokens, characters, seconds of video, minutes of audio).
 * Offline providers report their calls too, with the same units, so the ledger counts them (at price 0).
 *
 * @param provider  price-table key of the service and model, e.g. {@code veo-3.1-fast}, {@code local-clips}
 * @param operation what was done: {@code script}, {@code adapt}, {@code voice}, {@code clip}, {@code transcription}
 * @param units     quantity billed, e.g. 8 (seconds) or 1234 (tokens)
 * @param unit      {@code second}, {@code character}, {@code input_token}, {@code output_token}, {@code minute}, {@code call}
 */
public record ProviderCall(String provider, String operation, double units, String unit) {
    public ProviderCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(unit, "unit");
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
    }
}

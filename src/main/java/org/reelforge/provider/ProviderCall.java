package org.reelforge.provider;

import java.util.Objects;

/**
 * One call to a provider, in the units it bills (tokens, characters, seconds of video, minutes of audio).
 * Offline providers report their calls too, with the same units, so the ledger counts them (at price 0).
 *
 * @param provider  price key of the service's model, e.g. {@code veo-3.1-fast-generate-001}, {@code local-clips}
 * @param operation what was done: {@code script}, {@code adapt}, {@code rewrite}, {@code voice}, {@code clip},
 *                  {@code transcription}
 * @param units     quantity billed, e.g. 8 (seconds) or 1234 (tokens)
 * @param unit      {@code second}, {@code character}, {@code input_token}, {@code output_token}, {@code minute}, {@code call}
 * @param note      what the ledger line should also say (the model version the service echoed, a refusal's reason);
 *                  may be null
 * @param charged   false for a call the provider does not bill (a refused or blocked generation): booked at $0
 */
public record ProviderCall(String provider, String operation, double units, String unit, String note, boolean charged) {
    public ProviderCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(unit, "unit");
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** A billed call with nothing more to say. */
    public ProviderCall(String provider, String operation, double units, String unit) {
        this(provider, operation, units, unit, null, true);
    }

    public ProviderCall withNote(String newNote) {
        return new ProviderCall(provider, operation, units, unit, newNote, charged);
    }

    /** The same call, booked at $0 with the reason the provider does not bill it. */
    public ProviderCall notCharged(String reason) {
        return new ProviderCall(provider, operation, units, unit, reason, false);
    }
}

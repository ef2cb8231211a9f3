package org.reelforge.video;

import java.util.Objects;

/**
 * One provider call priced in the domain's terms: what a ledger line books, and the quote a clip operation keeps
 * until its generation ends (then booked at what the provider really charged).
 *
 * @param provider       the price key of the service's model, e.g. {@code gemini-omni-1.1-flash}
 * @param units          quantity billed in {@code unit}
 * @param amountMicroUsd the price, in millionths of a dollar (0 when not charged)
 * @param note           what else the line says (a refusal's reason, the model version the service echoed); may be null
 * @param charged        false for a call the provider does not bill (a refused generation)
 */
public record Charge(String provider, BilledOperation operation, double units, BillingUnit unit, long amountMicroUsd,
                     String note, boolean charged) {
    public Charge {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(unit, "unit");
        amountMicroUsd = charged ? amountMicroUsd : 0;
    }

    /** The same call, not billed by the provider, with why. */
    public Charge notCharged(String reason) {
        return new Charge(provider, operation, units, unit, 0, reason, false);
    }

    public Charge withNote(String newNote) {
        return new Charge(provider, operation, units, unit, amountMicroUsd, newNote, charged);
    }
}

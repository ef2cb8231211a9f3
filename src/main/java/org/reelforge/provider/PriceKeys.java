package org.reelforge.provider;

/**
 * How a billed call names its price: {@code <model>[@<resolution>].<unit>}. Clip calls carry the resolution they were
 * made at in their provider name ({@code veo-3.1-fast-generate-001@720p}), so the ledger says what was bought and the
 * price table prices each resolution apart.
 */
public final class PriceKeys {
    private static final char AT = '@';

    private PriceKeys() {
    }

    public static String of(String model, String resolution, String unit) {
        return provider(model, resolution) + "." + unit;
    }

    /** The provider name a call at {@code resolution} is billed under: {@code model@resolution}, or the model alone. */
    public static String provider(String model, String resolution) {
        return resolution == null ? model : model + AT + resolution;
    }

    /** The model of a provider name: {@code veo-3.1-fast-generate-001@720p} → {@code veo-3.1-fast-generate-001}. */
    public static String model(String provider) {
        int at = provider.indexOf(AT);
        return at < 0 ? provider : provider.substring(0, at);
    }
}

package org.reelforge.cost;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.reelforge.ReelForgeException;
import org.reelforge.provider.ProviderCall;

/**
 * USD per billed unit, keyed by provider and unit ({@code veo-3.1-fast-generate-preview.second = 0.10}).
 * Defaults come from provider-api-notes.md §6 (sources dated 2026-08/09); a properties file overrides them.
 * Unknown providers cost 0 (offline providers are listed at 0 explicitly).
 */
public final class PriceTable {
    /** The date of the sources behind {@link #defaults()}. */
    public static final String DEFAULTS_AS_OF = "2026-09-20";
    private final Map<String, BigDecimal> prices;

    private PriceTable(Map<String, BigDecimal> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable defaults() {
        Map<String, BigDecimal> p = new HashMap<>();
        put(p, "veo-3.1-generate-preview.second", "0.40");
        put(p, "veo-3.1-fast-generate-preview.second", "0.10");
        put(p, "veo-3.1-lite-generate-preview.second", "0.05");
        put(p, "veo-3.1-generate-001.second", "0.40");
        put(p, "veo-3.1-fast-generate-001.second", "0.10");
        put(p, "gemini-2.5-flash.input_token", "0.00000030");
        put(p, "gemini-2.5-flash.output_token", "0.0000025");
        put(p, "gemini-2.5-pro.input_token", "0.00000125");
        put(p, "gemini-2.5-pro.output_token", "0.000010");
        put(p, "eleven_multilingual_v2.character", "0.00010");
        put(p, "eleven_v3.character", "0.00010");
        put(p, "eleven_flash_v2_5.character", "0.00005");
        put(p, "eleven_turbo_v2_5.character", "0.00005");
        put(p, "whisper-1.minute", "0.006");
        for (String offline : new String[] {"builtin-writer.call", "local-clips.second",
                "espeak-ng.character", "aligner.second", "aligner.minute", "whisper.cpp.minute"}) {
            put(p, offline, "0");
        }
        return new PriceTable(p);
    }

    /** The defaults, overridden by {@code file} when it exists (lines like {@code whisper-1.minute=0.006}). */
    public static PriceTable load(Path file) {
        PriceTable base = defaults();
        if (file == null || !Files.isRegularFile(file)) {
            return base;
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException e) {
            throw new ReelForgeException("Cannot read price table " + file + ": " + e.getMessage(), e);
        }
        Map<String, BigDecimal> merged = new HashMap<>(base.prices);
        for (String key : props.stringPropertyNames()) {
            try {
                merged.put(key, new BigDecimal(props.getProperty(key).trim()));
            } catch (NumberFormatException e) {
                throw new ReelForgeException("Price table " + file + ": " + key + " must be a decimal number of US dollars");
            }
        }
        return new PriceTable(merged);
    }

    private static void put(Map<String, BigDecimal> p, String key, String usd) {
        p.put(key, new BigDecimal(usd));
    }

    /** Whether the table has a price for this provider and unit (else it counts as free: worth a warning). */
    public boolean knows(String provider, String unit) {
        return prices.containsKey(provider + "." + unit);
    }

    public BigDecimal unitPrice(String provider, String unit) {
        return prices.getOrDefault(provider + "." + unit, BigDecimal.ZERO);
    }

    /** The price of one call in millionths of a dollar, rounded half up. */
    public long microUsd(ProviderCall call) {
        return unitPrice(call.provider(), call.unit()).multiply(BigDecimal.valueOf(call.units()))
                .movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}

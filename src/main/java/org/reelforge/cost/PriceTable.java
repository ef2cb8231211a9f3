package org.reelforge.cost;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.reelforge.ReelForgeException;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.catalog.Price;
import org.reelforge.provider.PriceKeys;
import org.reelforge.provider.ProviderCall;

/**
 * USD per billed unit, keyed {@code <model>[@<resolution>].<unit>} ({@code veo-3.1-fast-generate-001@720p.second = 0.10},
 * {@code gemini-3.8-flash.output_token = 0.0000025}). The prices come from the model catalog; a properties file
 * overrides them. A model priced by resolution is also priced under its bare id at its default resolution, for calls
 * made before resolutions were billed apart. A call the provider does not charge (a refusal) costs 0; unknown keys
 * cost 0 and are reported by {@link #knows}.
 */
public final class PriceTable {
    private final Map<String, BigDecimal> prices;

    private PriceTable(Map<String, BigDecimal> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The bundled catalog's prices. */
    public static PriceTable defaults() {
        return of(ModelCatalog.bundled());
    }

    public static PriceTable of(ModelCatalog catalog) {
        Map<String, BigDecimal> p = new HashMap<>();
        for (CatalogModel model : catalog.models()) {
            for (Price price : model.prices()) {
                p.put(price.key(model.id()), price.usd());
            }
            model.clip().ifPresent(clip -> model.prices().stream()
                    .filter(price -> clip.defaultResolution().equals(price.resolution()))
                    .forEach(price -> p.putIfAbsent(PriceKeys.of(model.id(), null, price.unit()), price.usd())));
        }
        return new PriceTable(p);
    }

    /** The bundled catalog's prices, overridden by {@code file} when it exists (lines like {@code whisper-1.minute=0.006}). */
    public static PriceTable load(Path file) {
        return load(ModelCatalog.bundled(), file);
    }

    /** {@code catalog}'s prices, overridden by {@code file} when it exists. */
    public static PriceTable load(ModelCatalog catalog, Path file) {
        PriceTable base = of(catalog);
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

    /** Whether the table has a price for this provider and unit (else it counts as free: worth a warning). */
    public boolean knows(String provider, String unit) {
        return prices.containsKey(provider + "." + unit);
    }

    public BigDecimal unitPrice(String provider, String unit) {
        return prices.getOrDefault(provider + "." + unit, BigDecimal.ZERO);
    }

    /** The price of one call in millionths of a dollar, rounded half up; 0 for a call the provider does not charge. */
    public long microUsd(ProviderCall call) {
        if (!call.charged()) {
            return 0;
        }
        return unitPrice(call.provider(), call.unit()).multiply(BigDecimal.valueOf(call.units()))
                .movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}

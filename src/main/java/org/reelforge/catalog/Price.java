package org.reelforge.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import org.reelforge.provider.PriceKeys;

/**
 * What one unit of a model's output or input costs, in US dollars.
 *
 * @param unit       {@code second}, {@code output_token}, {@code input_token}, {@code character}, {@code minute}, {@code call}
 * @param resolution for video models priced by resolution, e.g. {@code 720p}; null when the price does not depend on it
 */
public record Price(String unit, String resolution, BigDecimal usd) {
    public Price {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(usd, "usd");
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative (got " + usd + ")");
        }
    }

    /**
     * The price table key of this price for {@code model}: {@code gemini-3.8-flash.output_token}, or with a resolution
     * {@code veo-3.1-fast-generate-001@1080p.second} (the key under which clip calls are billed).
     */
    public String key(String model) {
        return PriceKeys.of(model, resolution, unit);
    }
}

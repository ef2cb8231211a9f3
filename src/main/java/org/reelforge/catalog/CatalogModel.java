package org.reelforge.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.llm.TextLimits;

/**
 * One model of the catalog: where it lives, how it is called, whether it still answers, what it can make and what it
 * costs.
 *
 * @param id              the service's model id, e.g. {@code gemini-omni-1.1-flash}
 * @param service         {@code gemini-api}, {@code vertex}, {@code openai}, {@code elevenlabs} or {@code local}
 * @param provider        the provider name it is selected with ({@code REELFORGE_<STEP>_PROVIDER}), e.g. {@code omni}
 * @param api             how it is called
 * @param lifecycle       live, deprecated or shut down, with the date
 * @param clip            what a video model can make; empty for other models
 * @param tokensPerSecond video tokens billed per second of clip (models billed from usage), 0 when billed by the second
 * @param text            how to ask a text model; empty for other models
 * @param maxCharacters   the longest text a voice model takes in one request, 0 when not a voice model
 * @param prices          per unit (and resolution)
 * @param sourceDate      when the facts above were read from their sources
 * @param note            anything a person choosing the model should know, or null
 * @param priceSource     where the prices come from, or null
 */
public record CatalogModel(String id, String service, String provider, ApiFamily api, Lifecycle lifecycle,
                           Optional<ClipCapabilities> clip, int tokensPerSecond, Optional<TextLimits> text,
                           int maxCharacters, List<Price> prices, LocalDate sourceDate, String note, String priceSource) {
    public CatalogModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(lifecycle, "lifecycle");
        clip = clip == null ? Optional.empty() : clip;
        text = text == null ? Optional.empty() : text;
        prices = List.copyOf(prices);
    }

    /** {@code service/id}: what identifies a model in the catalog (the same id may live on two services). */
    public String key() {
        return key(service, id);
    }

    static String key(String service, String id) {
        return service + "/" + id;
    }

    /** {@code clip} for video models, else the API family ({@code generateContent}, {@code tts}…): what it can stand in for. */
    public String kind() {
        return clip.isPresent() ? "clip" : api.wireName();
    }

    public boolean isShutDownOn(LocalDate today) {
        return lifecycle.isShutDownOn(today);
    }

    /** The price of one {@code unit} at {@code resolution} (or the resolution-free price); empty when unpriced. */
    public Optional<BigDecimal> price(String unit, String resolution) {
        return prices.stream().filter(p -> p.unit().equals(unit))
                .filter(p -> p.resolution() == null || p.resolution().equals(resolution))
                .map(Price::usd).findFirst();
    }

    /**
     * What one second of clip costs at {@code resolution}: the per-second price, or the per-token price times the
     * tokens a second is billed; empty when unpriced.
     */
    public Optional<BigDecimal> pricePerSecond(String resolution) {
        return price("second", resolution)
                .or(() -> price("output_token", resolution).filter(p -> tokensPerSecond > 0)
                        .map(p -> p.multiply(BigDecimal.valueOf(tokensPerSecond))));
    }

    /** The resolution that costs least per second (the draft's), from the clip capabilities' resolutions. */
    public Optional<String> cheapestResolution() {
        return clip.flatMap(c -> c.resolutions().stream().filter(r -> pricePerSecond(r).isPresent())
                .min(Comparator.comparing(r -> pricePerSecond(r).orElseThrow())));
    }
}

package org.reelforge.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.Preflight;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ErrorCategory;

/**
 * The check before a video's first paid call: every configured model must be live in the catalog on today's date and
 * answer its service's model lookup. Answers are cached for {@code ttl} per model (a missing model too: it will not
 * come back within minutes); a lookup that could not be made is not cached. Thread-safe: concurrent checks of one
 * model make one lookup.
 */
public final class ModelPreflight implements Preflight {
    /** One configured model: which step uses it, where it lives, which variables choose it, and how to look it up. */
    public record Target(String step, String provider, String service, String model, String modelVariable,
                         ModelLookup lookup) {
        public Target {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(modelVariable, "modelVariable");
            Objects.requireNonNull(lookup, "lookup");
        }

        String key() {
            return service + "/" + model;
        }
    }

    private record Cached(Instant at, ModelLookup.Answer answer) {
    }

    private final ModelCatalog catalog;
    private final List<Target> targets;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ModelPreflight(ModelCatalog catalog, List<Target> targets, Clock clock, Duration ttl) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.targets = List.copyOf(targets);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public List<Target> targets() {
        return targets;
    }

    @Override
    public void check() {
        for (Target t : targets) {
            unavailable(t, answer(t)).ifPresent(message -> {
                throw new ProviderException(ProviderException.Kind.PERMANENT, t.provider(), ErrorCategory.MODEL_UNAVAILABLE,
                        message, null, null);
            });
        }
    }

    /** The service's answer for {@code t}, from the cache when fresh; a shut-down model in the catalog is never asked. */
    public ModelLookup.Answer answer(Target t) {
        Optional<CatalogModel> known = catalog.find(t.service(), t.model());
        if (known.isPresent() && known.get().isShutDownOn(today())) {
            return new ModelLookup.Answer.Missing(true, "the model catalog lists it as "
                    + ModelTable.status(known.get().lifecycle()));
        }
        Cached fresh = fresh(t);
        if (fresh != null) {
            return fresh.answer();
        }
        synchronized (locks.computeIfAbsent(t.key(), k -> new Object())) {
            fresh = fresh(t);
            if (fresh == null) {
                fresh = new Cached(clock.instant(), t.lookup().lookup(t.model()));
                cache.put(t.key(), fresh);
            }
            return fresh.answer();
        }
    }

    private Cached fresh(Target t) {
        Cached c = cache.get(t.key());
        return c != null && c.at().plus(ttl).isAfter(clock.instant()) ? c : null;
    }

    /** The message that stops the video when the model is not usable, empty when it is. */
    public Optional<String> unavailable(Target t, ModelLookup.Answer answer) {
        if (!(answer instanceof ModelLookup.Answer.Missing missing)) {
            return Optional.empty();
        }
        String state = missing.shutDown() ? " is shut down" : " is not available";
        return Optional.of("the " + t.step() + " model " + t.model() + " (" + t.service() + ")" + state + ": "
                + missing.message() + ". Set " + t.modelVariable() + " to a live model" + alternatives(t)
                + ". Nothing was paid.");
    }

    private String alternatives(Target t) {
        Optional<CatalogModel> known = catalog.find(t.service(), t.model());
        List<CatalogModel> live = known.map(m -> catalog.liveAlternatives(m, today()))
                .orElseGet(() -> catalog.models().stream().filter(m -> m.service().equals(t.service())
                        && m.provider().equals(t.provider()) && !m.isShutDownOn(today())).toList());
        if (live.isEmpty()) {
            return " (the catalog lists no live alternative on " + t.service() + ")";
        }
        return ", e.g. " + live.stream().map(m -> m.id() + (m.provider().equals(t.provider()) ? ""
                : " (REELFORGE_" + t.step().toUpperCase(java.util.Locale.ROOT) + "_PROVIDER=" + m.provider() + ")"))
                .collect(Collectors.joining(", "));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

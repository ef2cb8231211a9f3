package org.reelforge.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.ReelForgeException;

/**
 * The models ReelForge knows, as data: the catalog bundled in the jar ({@code org/reelforge/catalog/models.json}),
 * extended or corrected by {@code <dataDir>/models.json} (same shape, merged by model). Models are retired every few
 * months; their ids, capabilities, prices and shutdown dates live here, and each provider's default model too
 * ({@code defaults}: {@code "clip:omni": "gemini-omni-1.1-flash"}). Immutable and thread-safe.
 */
public final class ModelCatalog {
    public static final String BUNDLED = "org/reelforge/catalog/models.json";
    public static final String OVERRIDE_FILE = "models.json";
    private final Map<String, CatalogModel> models;
    private final Map<String, String> defaults;

    private ModelCatalog(List<CatalogModel> models, Map<String, String> defaults, String source) {
        Map<String, CatalogModel> byKey = new LinkedHashMap<>();
        for (CatalogModel m : models) {
            if (byKey.put(m.key(), m) != null) {
                throw new CatalogException(source + ": model " + m.id() + " is listed twice for service " + m.service());
            }
        }
        this.models = Map.copyOf(byKey);
        this.defaults = Map.copyOf(defaults);
        defaults.forEach((role, id) -> {
            if (byKey.values().stream().noneMatch(m -> m.id().equals(id))) {
                throw new CatalogException(source + ": defaults." + role + " names " + id + ", which no model of the catalog has");
            }
        });
    }

    /** The catalog in the jar. */
    public static ModelCatalog bundled() {
        return new ModelCatalog(bundledJson(), null, BUNDLED);
    }

    /** The bundled catalog with {@code <dataDir>/models.json} merged in when that file exists. */
    public static ModelCatalog load(Path dataDir) {
        Path file = dataDir.resolve(OVERRIDE_FILE);
        if (!Files.isRegularFile(file)) {
            return bundled();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ModelCatalog(bundledJson(), CatalogReader.parse(file.toString(), in), file.toString());
        } catch (IOException e) {
            throw new CatalogException("Cannot read the model catalog override " + file + ": " + e.getMessage());
        }
    }

    private ModelCatalog(ObjectNode base, ObjectNode override, String source) {
        this(override == null ? base : CatalogReader.merge(base, override, source), source);
    }

    private ModelCatalog(ObjectNode root, String source) {
        this(CatalogReader.models(root, source), CatalogReader.defaults(root, source), source);
    }

    private static ObjectNode bundledJson() {
        try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ReelForgeException(BUNDLED + " is missing from the classpath");
            }
            return CatalogReader.parse(BUNDLED, in);
        } catch (IOException e) {
            throw new ReelForgeException("cannot read " + BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /** Every model, sorted by service, then provider, then id. */
    public List<CatalogModel> models() {
        return models.values().stream().sorted(java.util.Comparator.comparing(CatalogModel::service)
                .thenComparing(CatalogModel::provider).thenComparing(CatalogModel::id)).toList();
    }

    public Optional<CatalogModel> find(String service, String id) {
        return Optional.ofNullable(models.get(CatalogModel.key(service, id)));
    }

    /**
     * The model {@code id} of {@code service}.
     *
     * @param variable the setting that named it, for the message
     * @throws CatalogException naming the variable, the model and the catalog's models of that provider
     */
    public CatalogModel require(String service, String provider, String id, String variable) {
        return find(service, id).orElseThrow(() -> new CatalogException(variable + "=" + id + ": the model catalog has no "
                + provider + " model " + id + " (known: " + String.join(", ", ids(provider)) + "); add it to <data dir>/"
                + OVERRIDE_FILE + " with its capabilities and prices"));
    }

    /** The default model of a provider for a step, e.g. {@code defaultModel("clip", "omni")}. */
    public String defaultModel(String step, String provider) {
        String id = defaults.get(step + ":" + provider);
        if (id == null) {
            throw new CatalogException("the model catalog names no default model for " + step + ":" + provider);
        }
        return id;
    }

    /** The ids of a provider's models, in catalog order. */
    public List<String> ids(String provider) {
        return models().stream().filter(m -> m.provider().equals(provider)).map(CatalogModel::id).toList();
    }

    /** Models that could stand in for {@code model} on {@code today}: same service and kind, still answering. */
    public List<CatalogModel> liveAlternatives(CatalogModel model, LocalDate today) {
        return models().stream().filter(m -> m.service().equals(model.service()) && m.kind().equals(model.kind()))
                .filter(m -> !m.key().equals(model.key()) && !m.isShutDownOn(today)).toList();
    }

    /** Every announced or past shutdown, soonest first. */
    public List<CatalogModel> shutdowns() {
        return models().stream().filter(m -> m.lifecycle().date() != null)
                .sorted(java.util.Comparator.comparing((CatalogModel m) -> m.lifecycle().date())).toList();
    }
}

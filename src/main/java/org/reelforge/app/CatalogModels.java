package org.reelforge.app;

import java.util.Optional;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.llm.TextLimits;

/** The catalog as the adapters' configurations want it: a model's capabilities, limits and billing rate. */
record CatalogModels(ModelCatalog catalog) {
    /** What a text model of {@code service} takes; a model the catalog does not know gets modest settings. */
    TextLimits text(String service, String model, boolean temperatureWhenUnknown) {
        return catalog.find(service, model).flatMap(CatalogModel::text)
                .orElse(new TextLimits(8192, 8192, null, null, temperatureWhenUnknown));
    }

    /**
     * A video model's capabilities.
     *
     * @throws org.reelforge.catalog.CatalogException naming the variable and the known models, when the catalog lacks it
     */
    ClipCapabilities clip(String service, String provider, String model, String variable) {
        CatalogModel m = catalog.require(service, provider, model, variable);
        return m.clip().orElseThrow(() -> new org.reelforge.catalog.CatalogException(variable + "=" + model
                + ": the catalog lists it, but not as a video model"));
    }

    int tokensPerSecond(String service, String model) {
        return catalog.find(service, model).map(CatalogModel::tokensPerSecond).filter(t -> t > 0).orElse(5792);
    }

    Optional<CatalogModel> find(String service, String model) {
        return catalog.find(service, model);
    }

    String defaultModel(String step, String provider) {
        return catalog.defaultModel(step, provider);
    }
}

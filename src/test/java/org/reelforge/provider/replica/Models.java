package org.reelforge.provider.replica;

import java.util.function.Function;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.llm.TextLimits;

/** The bundled catalog's facts about a model, as the adapters' configurations take them in tests. */
public final class Models {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();

    private Models() {
    }

    public static ClipCapabilities clip(String service, String id) {
        return CATALOG.find(service, id).flatMap(CatalogModel::clip).orElseThrow(() -> new AssertionError(id + " not in catalog"));
    }

    public static Function<String, ClipCapabilities> clips(String service) {
        return id -> clip(service, id);
    }

    public static TextLimits text(String service, String id) {
        return CATALOG.find(service, id).flatMap(CatalogModel::text).orElse(new TextLimits(8192, 8192, null, null, true));
    }

    public static Function<String, TextLimits> texts(String service) {
        return id -> text(service, id);
    }

    public static String defaultModel(String step, String provider) {
        return CATALOG.defaultModel(step, provider);
    }
}

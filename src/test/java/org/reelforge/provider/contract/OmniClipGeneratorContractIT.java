package org.reelforge.provider.contract;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.omni.OmniClipGenerator;
import org.reelforge.provider.omni.OmniConfig;
import org.reelforge.provider.replica.InteractionsServer;

class OmniClipGeneratorContractIT extends ClipGeneratorContract {
    @TempDir
    static Path shared;
    static InteractionsServer service;

    @BeforeAll
    static void start() {
        service = InteractionsServer.start(shared, 2, Set.of("gemini-omni-1.1-flash"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Override
    ClipGenerator generator() {
        CatalogModel model = ModelCatalog.bundled().find("gemini-api", "gemini-omni-1.1-flash").orElseThrow();
        return new OmniClipGenerator(OmniConfig.gemini(URI.create(service.baseUrl()), "v1beta", new Secret("test-key"),
                model.clip().orElseThrow(), model.tokensPerSecond(), HttpTimeouts.ofSeconds(2, 10)));
    }

    @Override
    String unknownOperation() {
        return "v1_gone#chain=4";
    }
}

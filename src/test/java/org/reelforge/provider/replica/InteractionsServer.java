package org.reelforge.provider.replica;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.util.Set;

/**
 * A loopback WireMock server whose fallback is the {@link InteractionsReplica}; stubs registered on {@link #server()}
 * (at the default priority) answer before it, for the failure cases a test wants to see.
 */
public final class InteractionsServer implements AutoCloseable {
    static final String FALLBACK = "X-Replica";
    private final WireMockServer server;
    private final InteractionsReplica replica;

    private InteractionsServer(WireMockServer server, InteractionsReplica replica) {
        this.server = server;
        this.replica = replica;
    }

    public static InteractionsServer start(Path dir, int pollsBeforeDone, Set<String> models) {
        InteractionsReplica replica = new InteractionsReplica(new ReplicaClips(dir), pollsBeforeDone, models);
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Fallback(replica)));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
                .willReturn(WireMock.aResponse().withStatus(404).withHeader(FALLBACK, "yes")));
        return new InteractionsServer(server, replica);
    }

    public WireMockServer server() {
        return server;
    }

    public InteractionsReplica replica() {
        return replica;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers as the replica whenever no specific stub matched. */
    static final class Fallback implements ResponseDefinitionTransformerV2 {
        private final InteractionsReplica replica;

        Fallback(InteractionsReplica replica) {
            this.replica = replica;
        }

        @Override
        public String getName() {
            return "interactions-replica";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition stubbed = event.getResponseDefinition();
            if (stubbed.getHeaders() == null || !stubbed.getHeaders().keys().contains(FALLBACK)) {
                return stubbed;
            }
            String url = event.getRequest().getUrl();
            String absolute = event.getRequest().getAbsoluteUrl();
            ResponseDefinition answer = replica.answer(event.getRequest(), absolute.substring(0, absolute.length() - url.length()));
            return answer != null ? answer : InteractionsReplica.error(404, "NOT_FOUND", "no replica for " + url);
        }
    }
}

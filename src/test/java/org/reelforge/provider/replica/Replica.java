package org.reelforge.provider.replica;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reelforge.media.Ffmpeg;

/**
 * A loopback WireMock server running {@link ProviderReplicas} (Gemini text, model lookups, the Interactions API of Omni,
 * Veo, ElevenLabs, Whisper), and the environment that points every client at it. With the Gemini key set, {@code auto}
 * picks Omni for the clips; {@code REELFORGE_CLIP_PROVIDER=veo} selects Veo on the Gemini API (which the pre-flight
 * then stops: it is shut down).
 */
public final class Replica implements AutoCloseable {
    private final WireMockServer server;
    private final InteractionsReplica interactions;

    private final VertexReplica vertex;

    private Replica(WireMockServer server, InteractionsReplica interactions, VertexReplica vertex) {
        this.server = server;
        this.interactions = interactions;
        this.vertex = vertex;
    }

    /** Starts the replicas; Veo serves a 30 s 720×1280 clip made with ffmpeg in {@code dir}; scripts have these blocks. */
    public static Replica start(Path dir, int blocks, int blockSeconds) {
        Path clip = dir.resolve("veo-replica.mp4");
        Ffmpeg.onPath().ffmpeg("make a Veo-like 720p clip", dir, List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=size=720x1280:rate=24:duration=30", "-f", "lavfi", "-i", "sine=frequency=330:duration=30",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", clip.toString()));
        try {
            ReplicaClips clips = new ReplicaClips(dir);
            InteractionsReplica interactions = new InteractionsReplica(clips, 1, ProviderReplicas.LIVE_MODELS);
            VertexReplica vertex = new VertexReplica(clips, dir);
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new ProviderReplicas(Files.readAllBytes(clip), blocks, blockSeconds, interactions, vertex)));
            server.start();
            server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
            return new Replica(server, interactions, vertex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Interactions API (Gemini Omni Flash) of this replica, to count paid creates. */
    public InteractionsReplica interactions() {
        return interactions;
    }

    /** The bodies of every Vertex {@code :predictLongRunning} received, in order. */
    public List<String> vertexSubmits() {
        return vertex.submits();
    }

    /** Veo 3.1 Fast GA on Vertex AI, on this replica (project p1, us-central1, a fixed bearer token). */
    public Map<String, String> vertexEnvironment() {
        return Map.of("REELFORGE_CLIP_PROVIDER", "vertex", "REELFORGE_VERTEX_PROJECT", "p1",
                "REELFORGE_VERTEX_LOCATION", "us-central1", "REELFORGE_VERTEX_ACCESS_TOKEN", "ya29.test-token",
                "REELFORGE_VERTEX_BASE_URL", server.baseUrl(), "REELFORGE_VERTEX_GLOBAL_BASE_URL", server.baseUrl());
    }

    public WireMockServer server() {
        return server;
    }

    /** Keys and base URLs of Gemini (scripts and Veo), ElevenLabs and Whisper, all on this replica. */
    public Map<String, String> environment() {
        String base = server.baseUrl();
        return Map.of("REELFORGE_GEMINI_API_KEY", "test-gemini-key", "REELFORGE_GEMINI_BASE_URL", base,
                "REELFORGE_ELEVENLABS_API_KEY", "test-eleven-key", "REELFORGE_ELEVENLABS_BASE_URL", base,
                "REELFORGE_WHISPER_API_KEY", "test-whisper-key", "REELFORGE_WHISPER_BASE_URL", base);
    }

    @Override
    public void close() {
        server.stop();
    }
}

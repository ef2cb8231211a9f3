package org.reelforge.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reelforge.wire.Json;

/** Progress stream clients as a browser reads them: SSE lines through the JDK HttpClient, and java.net.http.WebSocket. */
final class StreamClients {
    private static final JsonNode END = Json.MAPPER.createObjectNode().put("end", true);

    private StreamClients() {
    }

    /** Frames of one stream, in order; {@link #next} answers null once the server has closed it. */
    abstract static class Frames {
        final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        volatile String lastEvent;

        JsonNode next(Duration timeout) throws InterruptedException {
            JsonNode frame = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout);
            }
            return frame == END ? null : frame;
        }

        void frame(String json) {
            try {
                queue.add(Json.MAPPER.readTree(json));
            } catch (IOException e) {
                throw new AssertionError("frame is not JSON: " + json, e);
            }
        }

        void end() {
            queue.add(END);
        }
    }

    static final class Sse extends Frames {
        final int status;

        private Sse(int status) {
            this.status = status;
        }

        void read(Stream<String> lines) {
            StringBuilder data = new StringBuilder();
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    lastEvent = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    frame(data.toString());
                    data.setLength(0);
                }
            });
            end();
        }
    }

    static Sse sse(HttpClient http, URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        Sse sse = new Sse(response.statusCode());
        Thread reader = new Thread(() -> sse.read(response.body()), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return sse;
    }

    static final class Ws extends Frames implements WebSocket.Listener {
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frame(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            end();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.completeExceptionally(error);
            end();
        }
    }

    static Ws ws(HttpClient http, URI uri) throws Exception {
        Ws listener = new Ws();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        return listener;
    }
}

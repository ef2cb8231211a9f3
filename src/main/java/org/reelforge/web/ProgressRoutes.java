package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * Live progress: SSE at {@code GET /api/videos/{id}/events} (event name {@code progress}) and a WebSocket at
 * {@code /ws/videos/{id}}. Both take {@code ?lang=} and {@code ?access_token=} (browsers cannot set headers on
 * EventSource or WebSocket) and are checked before the stream opens: 401, 404 as for any other route.
 */
final class ProgressRoutes {
    private static final String SSE_PATH = "/api/videos/{id}/events";
    private static final String WS_PATH = "/ws/videos/{id}";
    private final ProgressHub hub;
    private final Auth auth;
    private final VideoAccess access;
    private final Map<String, WsSubscriber> sessions = new ConcurrentHashMap<>();

    ProgressRoutes(ProgressHub hub, Auth auth, VideoAccess access) {
        this.hub = hub;
        this.auth = auth;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get(SSE_PATH, this::sse);
        routes.wsBeforeUpgrade(WS_PATH, ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, true));
            VideoAccess.language(ctx, v);
        });
        routes.ws(WS_PATH, ws -> {
            ws.onConnect(this::connect);
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void sse(Context ctx) throws Exception {
        Video v = access.video(ctx, auth.caller(ctx, true));
        Language lang = VideoAccess.language(ctx, v);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw ApiException.of(406, "not-acceptable", "Not acceptable", "this is a server-sent event stream: send Accept: text/event-stream");
        }
        new SseHandler(0, client -> {
            client.keepAlive();
            SseSubscriber s = new SseSubscriber(client, lang);
            client.onClose(() -> hub.unsubscribe(v.id(), s));
            hub.subscribe(v.id(), s);
        }).handle(ctx);
    }

    private void connect(WsContext ctx) {
        Video v = access.video(ctx.pathParam("id"), auth.user(ctx.header("Authorization"), ctx.queryParam("access_token")));
        String lang = ctx.queryParam("lang");
        WsSubscriber s = new WsSubscriber(ctx, v.id(),
                lang == null || lang.isBlank() ? v.request().language() : Language.forMessages(lang));
        sessions.put(ctx.sessionId(), s);
        hub.subscribe(v.id(), s);
    }

    private void leave(WsContext ctx) {
        WsSubscriber s = sessions.remove(ctx.sessionId());
        if (s != null) {
            hub.unsubscribe(s.videoId(), s);
        }
    }

    private record SseSubscriber(SseClient client, Language language) implements ProgressSubscriber {
        @Override
        public void send(String json) {
            client.sendEvent("progress", json);
        }

        @Override
        public void heartbeat() {
            client.sendComment("keep-alive");
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private record WsSubscriber(WsContext ctx, VideoId videoId, Language language) implements ProgressSubscriber {
        @Override
        public void send(String json) {
            ctx.send(json);
        }

        @Override
        public void heartbeat() {
            ctx.sendPing(ByteBuffer.wrap(new byte[] {1}));
        }

        @Override
        public void close() {
            ctx.closeSession(1000, "video finished");
        }
    }
}

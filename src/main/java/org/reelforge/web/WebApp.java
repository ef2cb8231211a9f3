package org.reelforge.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The React front end, served from the classpath folder {@code /public} (the UI build is copied there). Unknown
 * non-API paths get {@code index.html} so client-side routes survive a reload; without a build, a short page says
 * how to make one. API, WebSocket and metrics paths never fall back to the page.
 */
final class WebApp {
    private static final String NOT_BUILT = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>ReelForge</title></head>
            <body><h1>ReelForge</h1><p>The API is running, but the web UI was not built into this jar.</p>
            <p>Build it with <code>mvn package</code> (it builds <code>ui/</code> into the jar), or use the API at
            <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
            """;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private final String index;
    private final boolean built;

    WebApp() {
        String page = read("/public/index.html");
        this.built = page != null;
        this.index = built ? page : NOT_BUILT;
    }

    boolean isBuilt() {
        return built;
    }

    void configure(JavalinConfig config) {
        if (built) {
            // Vite names every file under assets/ after a hash of its content: a new build makes new names, so a
            // browser may keep these for good. Everything else (index.html first) is checked at each load.
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", IMMUTABLE);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", REVALIDATE);
            });
        }
        config.spaRoot.addHandler("/", this::page);
    }

    private void page(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/") || path.equals("/metrics")) {
            throw ApiException.notFound("no such resource: " + path);
        }
        ctx.header("Cache-Control", REVALIDATE).html(index);
    }

    private static String read(String resource) {
        try (InputStream in = WebApp.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the classpath", e);
        }
    }
}

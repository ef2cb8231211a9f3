package org.reelforge.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import org.reelforge.media.Ffmpeg;
import org.reelforge.wire.Json;

/**
 * The ReelForge HTTP server on one port: the JSON API under {@code /api}, live progress (SSE, WebSocket under
 * {@code /ws}), {@code /metrics} and the web app. {@link #start} returns once it listens; {@link #close} stops it.
 */
public final class WebServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebServer.class);
    private final Javalin app;
    private final ProgressHub hub;
    /** This process's committed changes wake the progress streams at once (other nodes' arrive with the poll). */
    private final AutoCloseable changes;

    private WebServer(Javalin app, ProgressHub hub, AutoCloseable changes) {
        this.app = app;
        this.hub = hub;
        this.changes = changes;
    }

    /**
     * Makes sure an admin exists (printing a one-time password to {@code out} if it creates one), then listens on
     * the settings' host and port (0 picks a free port: see {@link #port()}).
     */
    public static WebServer start(WebBackend backend, WebSettings settings, PrintStream out) {
        Clock clock = Clock.systemUTC();
        UserAccounts accounts = new UserAccounts(backend.store(), new Pbkdf2Passwords(), clock);
        accounts.ensureFirstAdmin(settings.adminUser(), settings.adminPassword(), out);
        if (settings.secretGenerated()) {
            out.println("No " + WebSettings.JWT_SECRET + " set: using a random one, so sign-ins will not survive a restart.");
        }
        ProgressHub hub = new ProgressHub(backend.queries(), Duration.ofMillis(250), Duration.ofSeconds(15));
        Auth auth = new Auth(new Jwt(settings.jwtSecret(), clock, settings.accessTokenLifetime()), accounts,
                new LoginThrottle(clock));
        FileLinks links = new FileLinks(settings.jwtSecret(), clock);
        WebApp webApp = new WebApp();
        Javalin app = Javalin.create(config -> configure(config, backend, settings, accounts, auth, links, hub, webApp, clock));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
        LOG.info("listening on {}:{} (web UI built: {})", settings.host(), app.port(), webApp.isBuilt());
        return new WebServer(app, hub, backend.engine().onChange(hub::poke));
    }

    private static void configure(JavalinConfig config, WebBackend backend, WebSettings settings, UserAccounts accounts,
                                  Auth auth, FileLinks links, ProgressHub hub, WebApp webApp, Clock clock) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.http.maxRequestSize = JsonBody.MAX_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        VideoAccess access = new VideoAccess(backend.queries());
        VideoDocuments documents = new VideoDocuments(backend.queries(), backend.store(), backend.artifacts(), links, clock);
        new Cors(settings.corsOrigins()).register(config.routes);
        ProblemResponses.register(config.routes);
        new AuthRoutes(auth, accounts).register(config.routes);
        new VideoRoutes(backend, auth, access, documents, new CreationLimiter(settings.createRatePerMinute(), clock),
                hub)
                .register(config.routes);
        new ScriptRoutes(backend, auth, access, documents, hub).register(config.routes);
        new FileRoutes(backend.queries(), backend.artifacts(), auth, access, links,
                new Stills(backend.artifacts(), Ffmpeg.onPath()), clock).register(config.routes);
        new ProgressRoutes(hub, auth, access).register(config.routes);
        new OpsRoutes(backend, hub).register(config.routes);
        new ProviderRoutes(backend, auth).register(config.routes);
        webApp.configure(config);
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests, ends the progress streams and stops the server. */
    @Override
    public void close() {
        try {
            changes.close();
        } catch (Exception e) {
            LOG.warn("could not stop listening for changes: {}", e.toString());
        }
        hub.close();
        app.stop();
    }
}

package org.reelforge.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.LocalArtifactStore;
import org.reelforge.store.Json;

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
    private final AtomicBoolean draining;

    private WebServer(Javalin app, ProgressHub hub, AutoCloseable changes, AtomicBoolean draining) {
        this.app = app;
        this.hub = hub;
        this.changes = changes;
        this.draining = draining;
    }

    /** {@link #start(WebBackend, ArtifactStore, WebSettings, PrintStream)} on the backend's data directory. */
    public static WebServer start(WebBackend backend, WebSettings settings, PrintStream out) {
        return start(backend, new LocalArtifactStore(backend.artifacts().root().getParent()), settings, out);
    }

    /**
     * Makes sure an admin exists (printing a one-time password to {@code out} if it creates one), then listens on
     * the settings' host and port (0 picks a free port: see {@link #port()}), serving files from {@code artifacts}.
     */
    public static WebServer start(WebBackend backend, ArtifactStore artifacts, WebSettings settings, PrintStream out) {
        Clock clock = Clock.systemUTC();
        UserAccounts accounts = new UserAccounts(backend.store(), new Pbkdf2Passwords(), clock);
        accounts.ensureFirstAdmin(settings.adminUser(), settings.adminPassword(), out);
        if (settings.secretGenerated()) {
            out.println("No " + WebSettings.JWT_SECRET + " set: using a random one, so sign-ins will not survive a restart.");
        }
        ProgressHub hub = new ProgressHub(backend.store(), Duration.ofMillis(250), Duration.ofSeconds(15));
        Auth auth = new Auth(new Jwt(settings.jwtSecret(), clock), accounts, new LoginThrottle(backend.store(), clock),
                new Sessions(backend.store(), clock));
        WebApp webApp = new WebApp();
        AtomicBoolean draining = new AtomicBoolean();
        Javalin app = Javalin.create(config -> configure(config, new Parts(backend, artifacts, settings, accounts, auth, hub,
                draining, clock), webApp));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
        LOG.info("listening on {}:{} (web UI built: {})", settings.host(), app.port(), webApp.isBuilt());
        return new WebServer(app, hub, backend.pipeline().onChange(hub::poke), draining);
    }

    /** What the routes are made of. */
    private record Parts(WebBackend backend, ArtifactStore artifacts, WebSettings settings, UserAccounts accounts, Auth auth,
                         ProgressHub hub, AtomicBoolean draining, Clock clock) {
    }

    private static void configure(JavalinConfig config, Parts parts, WebApp webApp) {
        WebBackend backend = parts.backend();
        WebSettings settings = parts.settings();
        Auth auth = parts.auth();
        ProgressHub hub = parts.hub();
        Clock clock = parts.clock();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.http.maxRequestSize = JsonBody.MAX_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        VideoAccess access = new VideoAccess(backend.store());
        VideoDocuments documents = new VideoDocuments(backend.store(), backend.artifacts(), backend.reportContext());
        new Cors(settings.corsOrigins()).register(config.routes);
        ProblemResponses.register(config.routes);
        new AuthRoutes(auth, parts.accounts()).register(config.routes);
        new VideoRoutes(backend, auth, access, documents, new CreationLimiter(backend.store(), settings.createRatePerMinute(), clock),
                hub)
                .register(config.routes);
        new FileRoutes(parts.artifacts(), auth, access, settings.presignTtl()).register(config.routes);
        new ProgressRoutes(hub, auth, access).register(config.routes);
        new OpsRoutes(backend, parts.artifacts(), hub, parts.draining()::get, clock).register(config.routes);
        webApp.configure(config);
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Marks this node as shutting down: {@code /api/ready} answers 503 from now on, so a load balancer sends new
     * requests elsewhere while running steps finish. Requests are still served until {@link #close}.
     */
    public void drain() {
        draining.set(true);
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

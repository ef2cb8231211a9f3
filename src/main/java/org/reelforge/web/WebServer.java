package org.reelforge.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reelforge.account.UserAccounts;
import org.reelforge.media.Ffmpeg;
import org.reelforge.wire.Json;

/**
 * The ReelForge HTTP server on one port: the JSON API under {@code /api}, live progress (SSE, WebSocket under
 * {@code /ws}), {@code /metrics} and the web app. {@link #start} returns once it listens; {@link #drain} tells load
 * balancers to go elsewhere; {@link #close} stops it.
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

    /**
     * Makes sure an admin exists (printing a one-time password to {@code out} if it creates one), then listens on
     * the settings' host and port (0 picks a free port: see {@link #port()}).
     */
    public static WebServer start(WebBackend backend, WebSettings settings, PrintStream out) {
        Clock clock = Clock.systemUTC();
        UserAccounts accounts = backend.accounts();
        accounts.ensureFirstAdmin(settings.adminUser(), settings.adminPassword(), out);
        if (settings.secretGenerated()) {
            out.println("No " + WebSettings.JWT_SECRET + " set: using a random one, so sign-ins will not survive a restart.");
        }
        ProgressHub hub = new ProgressHub(backend.queries(), Duration.ofMillis(250), Duration.ofSeconds(15));
        Auth auth = new Auth(new Jwt(settings.jwtSecret(), clock, settings.accessTokenLifetime()), accounts,
                new LoginThrottle(backend.rateWindows(), clock), new Sessions(accounts, clock));
        FileLinks links = new FileLinks(settings.jwtSecret(), clock);
        WebApp webApp = new WebApp();
        AtomicBoolean draining = new AtomicBoolean();
        Javalin app = Javalin.create(config -> configure(config, new Parts(backend, settings, accounts, auth, links, hub,
                draining, clock), webApp));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
        LOG.info("listening on {}:{} (web UI built: {})", settings.host(), app.port(), webApp.isBuilt());
        return new WebServer(app, hub, backend.engine().onChange(hub::poke), draining);
    }

    /** What the routes are made of. */
    private record Parts(WebBackend backend, WebSettings settings, UserAccounts accounts, Auth auth, FileLinks links,
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
        VideoAccess access = new VideoAccess(backend.queries());
        Stills stills = new Stills(backend.artifacts(), backend.cacheDir(), Ffmpeg.onPath());
        VideoDocuments documents = new VideoDocuments(backend.queries(), backend.statistics(), backend.artifacts(), parts.links(),
                clock);
        new Cors(settings.corsOrigins()).register(config.routes);
        ProblemResponses.register(config.routes);
        new AuthRoutes(auth, parts.accounts()).register(config.routes);
        new VideoRoutes(backend, auth, access, documents,
                new CreationLimiter(backend.rateWindows(), settings.createRatePerMinute(), clock), hub).register(config.routes);
        new ScriptRoutes(backend, auth, access, documents, hub).register(config.routes);
        new CreatorRoutes(backend, auth, access, documents, hub).register(config.routes);
        new FileRoutes(backend.queries(), backend.artifacts(), auth, access, parts.links(), stills, settings.presignTtl(),
                clock).register(config.routes);
        new ProgressRoutes(hub, auth, access).register(config.routes);
        new OpsRoutes(backend, backend.artifacts(), hub, parts.draining()::get, clock).register(config.routes);
        new ProviderRoutes(backend, auth).register(config.routes);
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

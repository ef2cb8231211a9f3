package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.jobs.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = {"Run the web app, its API and workers on one port until stopped (Ctrl-C, SIGTERM).",
        "Environment: REELFORGE_JWT_SECRET (required unless --host is loopback), REELFORGE_ADMIN_USER/_PASSWORD,",
        "REELFORGE_CORS_ORIGINS, REELFORGE_CREATE_RATE_PER_MINUTE, REELFORGE_ARTIFACTS (s3://bucket/prefix for",
        "several machines), REELFORGE_SHUTDOWN_GRACE."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--workers", defaultValue = "2", description = "Worker threads running videos (default ${DEFAULT-VALUE}).")
    int workers;

    /**
     * On SIGTERM: readiness turns 503 (load balancers go elsewhere) while the API still answers, running steps finish
     * within the grace, then the server stops.
     */
    @Override
    public Integer call() {
        long started = System.nanoTime();
        WorkerSettings liveness = WorkerSettings.fromEnvironment(System.getenv());
        StopSignal signal = new StopSignal(liveness.longestStop());
        try (Workspace ws = root.open(data.dataDir)) {
            ws.providerSummary().forEach(System.err::println);
            ws.startWorkers(workers);
            try (Workspace.Server server = ws.serve(host, port, System.out)) {
                System.out.printf("ReelForge is serving http://%s:%d (ready in %d ms, data in %s, files in %s)%n", host,
                        server.port(), (System.nanoTime() - started) / 1_000_000, ws.dataDir().toAbsolutePath().normalize(),
                        ws.artifacts().describe());
                signal.await();
                server.drain();
                System.out.println(Stopping.message(liveness));
                ws.stopWorkers();
            }
        } finally {
            signal.stopped();
        }
        return ExitCodes.DONE;
    }
}

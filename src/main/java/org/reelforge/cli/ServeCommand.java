package org.reelforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = {"Run the web app, its API and workers on one port until stopped (Ctrl-C, SIGTERM).",
        "Environment: REELFORGE_JWT_SECRET (required unless --host is loopback), REELFORGE_ADMIN_USER/_PASSWORD,",
        "REELFORGE_CORS_ORIGINS, REELFORGE_CREATE_RATE_PER_MINUTE."})
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

    @Override
    public Integer call() {
        long started = System.nanoTime();
        StopSignal signal = new StopSignal();
        try (Workspace ws = root.open(data.dataDir)) {
            ws.providerSummary().forEach(System.err::println);
            ws.startWorkers(workers);
            try (Workspace.Server server = ws.serve(host, port, System.out)) {
                System.out.printf("ReelForge is serving http://%s:%d (ready in %d ms, data in %s)%n", host, server.port(),
                        (System.nanoTime() - started) / 1_000_000, ws.dataDir().toAbsolutePath().normalize());
                signal.await();
                System.out.println("Stopping…");
            }
        } finally {
            signal.stopped();
        }
        return ExitCodes.DONE;
    }
}

package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.jobs.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "worker", description = {"Run workers only (no web server) on the data directory or database, until stopped.",
        "On SIGTERM it takes no new work and lets running steps finish within REELFORGE_SHUTDOWN_GRACE (default 30s);",
        "steps still running are then interrupted and handed back to the other nodes.",
        "Environment: REELFORGE_HEARTBEAT_INTERVAL (1s), REELFORGE_MISSED_HEARTBEATS (5): a dead node's runs move on within 8 s."})
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--workers", defaultValue = "2", description = "Worker threads running videos (default ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() {
        WorkerSettings liveness = WorkerSettings.fromEnvironment(System.getenv());
        StopSignal signal = new StopSignal(liveness.longestStop());
        try (Workspace ws = root.open(data.dataDir)) {
            ws.providerSummary().forEach(System.err::println);
            ws.startWorkers(workers);
            System.out.println("ReelForge worker running " + workers + " thread(s) on " + ws.dataDir().toAbsolutePath().normalize());
            signal.await();
            System.out.println(Stopping.message(liveness));
        } finally {
            signal.stopped();
        }
        return ExitCodes.DONE;
    }
}

package org.reelforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "worker", description = "Run workers only (no web server) on the data directory or database, until stopped.")
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--workers", defaultValue = "2", description = "Worker threads running videos (default ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() {
        StopSignal signal = new StopSignal();
        try (Workspace ws = root.open(data.dataDir)) {
            ws.providerSummary().forEach(System.err::println);
            ws.startWorkers(workers);
            System.out.println("ReelForge worker running " + workers + " thread(s) on " + ws.dataDir().toAbsolutePath().normalize());
            signal.await();
            System.out.println("Stopping…");
        } finally {
            signal.stopped();
        }
        return ExitCodes.DONE;
    }
}

package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.pipeline.MonitorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "monitor", description = "Run check-and-retry once now: poll stale clips, relaunch failed ones, start overdue assemblies.")
final class MonitorCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        try (Workspace ws = root.open(data.dataDir)) {
            MonitorReport r = ws.monitor().checkAndRetry();
            System.out.println("Checked " + r.videosChecked() + " unfinished video(s): " + r.clipsSubmitted()
                    + " clip submission(s), " + r.clipsSucceeded() + " clip(s) done, " + r.clipsFailed() + " failed, "
                    + r.clipsAbandoned() + " abandoned, " + r.videosCompleted() + " video(s) completed, "
                    + r.videosFailed() + " failed.");
            return ExitCodes.DONE;
        }
    }
}

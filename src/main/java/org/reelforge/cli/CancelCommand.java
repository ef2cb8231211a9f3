package org.reelforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", description = "Stop a video; it can be retried later.")
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        try (Workspace ws = root.open(data.dataDir)) {
            ws.control().cancel(VideoIdParameter.parse(id));
            System.out.println("Cancelled " + id);
            return ExitCodes.DONE;
        }
    }
}

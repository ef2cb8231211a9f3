package org.reelforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "delete", description = "Delete a finished, failed or cancelled video: its rows and its files.")
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        try (Workspace ws = root.open(data.dataDir)) {
            ws.control().delete(VideoIdParameter.parse(id));
            System.out.println("Deleted " + id);
            return ExitCodes.DONE;
        }
    }
}

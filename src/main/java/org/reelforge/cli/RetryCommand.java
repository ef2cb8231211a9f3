package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "retry", description = "Run a failed or cancelled video again from its last successful step; abandoned clips get a new chance.")
final class RetryCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Mixin
    FollowOption follow;
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        try (Workspace ws = root.open(data.dataDir)) {
            ws.control().retry(video);
            return follow.follow(ws, video);
        }
    }
}

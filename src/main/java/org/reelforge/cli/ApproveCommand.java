package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "approve", description = "Approve the script of a video made with --review: its clips are rendered (and paid) now.")
final class ApproveCommand implements Callable<Integer> {
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
            ws.control().approve(video);
            return follow.follow(ws, video);
        }
    }
}

package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset-clip", description = "Give an abandoned clip a new series of attempts (retry_count = 0).")
final class ResetClipCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Mixin
    FollowOption follow;
    @Parameters(index = "0", paramLabel = "ID")
    String id;
    @Parameters(index = "1", paramLabel = "BLOCK")
    int block;

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        try (Workspace ws = root.open(data.dataDir)) {
            ws.control().resetClip(video, block);
            return follow.follow(ws, video);
        }
    }
}

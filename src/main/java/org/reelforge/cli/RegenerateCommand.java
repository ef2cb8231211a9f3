package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "regenerate", description = "Re-roll one block of a finished video and assemble again; the other clips are reused.")
final class RegenerateCommand implements Callable<Integer> {
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
            ws.control().regenerateBlock(video, block);
            return follow.follow(ws, video);
        }
    }
}

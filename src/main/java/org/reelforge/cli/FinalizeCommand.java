package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "finalize", description = {"Make the final clips of a video made with --draft and assemble it again;",
        "draft clips that are already final quality (and unchanged since) are kept, not paid again."})
final class FinalizeCommand implements Callable<Integer> {
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
            ws.control().finalizeDraft(video);
            return follow.follow(ws, video);
        }
    }
}

package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.video.Block;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "regenerate", description = {"Re-roll one block of a finished video and assemble again; the other clips are "
        + "reused.", "With --prompt or --text the block is changed first, so a refused clip can be fixed."})
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
    @Option(names = "--prompt", paramLabel = "TEXT", description = "A new visual prompt for the block.")
    String prompt;
    @Option(names = "--text", paramLabel = "TEXT", description = "A new spoken line for the block.")
    String text;

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        try (Workspace ws = root.open(data.dataDir)) {
            if (prompt != null || text != null) {
                Block b = ws.control().script(video).block(block);
                ws.control().editBlock(video, new Block(b.index(), b.durationSeconds(), prompt != null ? prompt : b.visualPrompt(),
                        text != null ? text : b.spokenText(), b.onScreenText(), b.emphasis(), b.media()));
            }
            ws.control().regenerateBlock(video, block);
            return follow.follow(ws, video);
        }
    }
}

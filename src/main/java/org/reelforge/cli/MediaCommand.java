package org.reelforge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "media", description = {"Make block N of a video from your own video or picture ($0), or --remove it to have",
        "the clip model make the block again. Used at approval, or at the next `regenerate ID N`."})
final class MediaCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Parameters(index = "0", paramLabel = "ID")
    String id;
    @Parameters(index = "1", paramLabel = "N", description = "The block, from 1.")
    int block;
    @Parameters(index = "2", arity = "0..1", paramLabel = "FILE", description = "mp4, mov, webm, jpeg, png or webp.")
    Path file;
    @Option(names = "--silent", description = "Drop the video's own sound.")
    boolean silent;
    @Option(names = "--remove", description = "The block is generated again.")
    boolean remove;

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        if (remove == (file != null)) {
            throw new InvalidRequestException("FILE", "give a FILE, or --remove (not both)");
        }
        try (Workspace ws = root.open(data.dataDir)) {
            if (remove) {
                ws.control().detachMedia(video, block);
                System.out.println("Block " + block + " of " + video + " will be generated again.");
            } else {
                OwnMedia.attach(ws, video, List.of(OwnMedia.of(block, file, !silent)), ws.control().script(video).blocks().size());
            }
            return ExitCodes.DONE;
        }
    }
}

package org.reelforge.cli;

import org.reelforge.video.VideoId;
import picocli.CommandLine.Option;

/** {@code --detach}: queue the work and return, instead of running it here and waiting. */
final class FollowOption {
    @Option(names = "--detach", description = "Only queue the work (a running `reelforge serve` or `worker` picks it up).")
    boolean detach;
    @Option(names = {"-q", "--quiet"}, description = "No progress display.")
    boolean quiet;

    int follow(Workspace ws, VideoId id) {
        if (detach) {
            System.out.println("Queued " + id);
            return ExitCodes.DONE;
        }
        return VideoWaiter.conclude(VideoWaiter.await(ws, id, System.out, quiet), System.out, System.err);
    }
}

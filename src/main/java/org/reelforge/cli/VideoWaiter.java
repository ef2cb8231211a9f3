package org.reelforge.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.VideoView;

/**
 * Runs workers in this process and shows a video's progress until it is completed, failed, cancelled or waiting for
 * a person's approval — or until its state cannot even be saved (a full disk), which it says instead of waiting.
 */
final class VideoWaiter {
    private VideoWaiter() {
    }

    static VideoView.Detail await(Workspace ws, VideoId id, PrintStream out, boolean quiet) {
        ws.startWorkers(2);
        ProgressView view = new ProgressView(out, System.console() != null && !quiet);
        while (true) {
            VideoView.Detail r = report(ws, id);
            if (!quiet) {
                view.show(r);
            }
            if (VideoStatus.fromWire(r.status()).isIdle()) {
                return r;
            }
            Optional<String> unsaved = ws.engine().unrecordedFailure(id);
            if (unsaved.isPresent()) {
                throw new UnsavedFailure(id, unsaved.get());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    static VideoView.Detail report(Workspace ws, VideoId id) {
        return ws.queries().video(id)
                .flatMap(v -> ws.queries().detail(id, v.request().language(), 200))
                .orElseThrow(() -> new NotFoundException("No video " + id));
    }

    /** Prints the outcome and returns the exit code. */
    static int conclude(VideoView.Detail r, PrintStream out, PrintStream err) {
        if (r.status().equals("completed") || r.status().equals("awaiting_approval")) {
            return ExitCodes.DONE;
        }
        err.println("Video " + r.videoId() + " ended " + r.status() + (r.errorCategory() == null ? ""
                : " [" + r.errorCategory() + "] " + r.errorMessage()));
        if (r.failureReason() != null) {
            err.println("Reason: " + r.failureReason());
        }
        err.println("Next: `reelforge status " + r.videoId() + "` for details, `reelforge retry " + r.videoId() + "` to try again.");
        return ExitCodes.VIDEO_FAILED;
    }

    /** The video's run failed and could not record it (the disk or the database cannot be written). */
    static final class UnsavedFailure extends org.reelforge.ReelForgeException {
        UnsavedFailure(VideoId id, String why) {
            super("Video " + id + " stopped and its state could not be saved: " + why);
        }
    }
}

package org.reelforge.cli;

import java.io.PrintStream;
import org.reelforge.pipeline.NotFoundException;
import org.reelforge.pipeline.VideoReport;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/** Runs workers in this process and shows a video's progress until it is completed, failed or cancelled. */
final class VideoWaiter {
    private VideoWaiter() {
    }

    static VideoReport await(Workspace ws, VideoId id, PrintStream out, boolean quiet) {
        ws.startWorkers(2);
        ProgressView view = new ProgressView(out, System.console() != null && !quiet);
        while (true) {
            VideoReport r = report(ws, id);
            if (!quiet) {
                view.show(r);
            }
            if (VideoStatus.fromWire(r.status()).isTerminal()) {
                return r;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    static VideoReport report(Workspace ws, VideoId id) {
        Language lang = ws.store().read(tx -> tx.video(id)).map(v -> v.request().language())
                .orElseThrow(() -> new NotFoundException("No video " + id));
        return VideoReport.of(ws.store(), id, lang, ws.reportContext(), 200)
                .orElseThrow(() -> new NotFoundException("No video " + id));
    }

    /** Prints the outcome and returns the exit code. */
    static int conclude(VideoReport r, PrintStream out, PrintStream err) {
        if (r.status().equals("completed")) {
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
}

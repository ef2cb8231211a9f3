package org.reelforge.cli;

import org.reelforge.wire.VideoView;

/** What to do with a video whose script awaits approval. */
final class ReviewHint {
    private ReviewHint() {
    }

    static String text(VideoView.Detail r) {
        return "Video " + r.videoId() + " awaits your approval: its script has " + r.blocks().size() + " blocks ("
                + r.blocks().stream().mapToInt(VideoView.BlockView::duration).sum() + " s) and nothing has been paid for "
                + "clips yet.\n  Read it:    reelforge script " + r.videoId() + "\n  Change it:  reelforge script "
                + r.videoId() + " --set FILE\n  Approve it: reelforge approve " + r.videoId();
    }
}

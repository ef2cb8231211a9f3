package org.reelforge.pipeline;

import java.nio.file.Path;
import org.reelforge.video.Aspect;
import org.reelforge.video.BlockMedia;

/**
 * Makes a block's clip from a person's own file, instead of a video model, at no provider cost: a video looped or cut
 * to exactly the block's length, a still image slowly zoomed, in the video's format. Blocks until {@code target}
 * exists; thread-safe. A file that is not a readable video or image is a {@link org.reelforge.media.MediaException}.
 */
public interface OwnClips {
    /** Writes the clip to {@code target} (via a temporary name), working in {@code workDir}; returns its length. */
    long make(Path source, BlockMedia media, long durationMillis, Aspect aspect, Path target, Path workDir);

    /** What {@code file} is (a video or an image ffmpeg can read), to refuse anything else when it is received. */
    BlockMedia.Kind kindOf(Path file);
}

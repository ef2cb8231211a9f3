package org.reelforge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.MediaException;
import org.reelforge.media.Probe;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.VideoId;

/**
 * Small JPEG stills made on first request and kept beside the video ({@code stills/}): the library's thumbnail at
 * {@value #WIDTH} px wide (the full 1080×1920 one is ~90 KB and shown ~180 px wide), and one frame per block for the
 * studio's storyboard, taken from the middle of the block's clip. A still older than its source is made again, so a
 * regenerated block shows its new clip. Written to a temporary name and renamed: concurrent requests are safe.
 */
final class Stills {
    static final int WIDTH = 360;
    private final ArtifactStore artifacts;
    private final Ffmpeg ffmpeg;

    Stills(ArtifactStore artifacts, Ffmpeg ffmpeg) {
        this.artifacts = artifacts;
        this.ffmpeg = ffmpeg;
    }

    /** The small thumbnail, made from {@code thumbnail.jpg}; empty while the video has none. */
    Optional<Path> thumbnail(VideoId id) {
        Path source = artifacts.thumbnail(id);
        return fresh(source, artifacts.dir(id).resolve("stills").resolve("thumbnail-" + WIDTH + ".jpg"), 0);
    }

    /** The frame of block {@code n}, from its clip; empty while the block has no clip. */
    Optional<Path> frame(VideoId id, int block) {
        Path clip = artifacts.clip(id, block);
        return fresh(clip, artifacts.dir(id).resolve("stills").resolve("block_" + block + ".jpg"), -1);
    }

    /** @param at seconds into the source, or -1 for its middle (0 for a still image) */
    private Optional<Path> fresh(Path source, Path still, double at) {
        if (!artifacts.exists(source)) {
            return Optional.empty();
        }
        if (artifacts.exists(still) && modified(source).compareTo(modified(still)) <= 0) {
            return Optional.of(still);
        }
        Path temp = artifacts.temp(still);
        List<String> args = new ArrayList<>();
        if (at < 0) {
            // Seeking a still image (even to 0) leaves ffmpeg nothing to encode: only clips are seeked.
            args.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", Probe.of(ffmpeg, source).durationMillis() / 2000.0)));
        }
        args.addAll(List.of("-i", Ffmpeg.fileArg(source), "-frames:v", "1", "-vf", "scale=" + WIDTH + ":-2", "-q:v", "4",
                "-c:v", "mjpeg", "-f", "image2", "-update", "1", Ffmpeg.fileArg(temp)));
        ffmpeg.ffmpeg("make a " + WIDTH + " px still of " + source.getFileName(), null, args);
        if (!artifacts.exists(temp)) {
            throw new MediaException("ffmpeg made no still of " + source + " (it answered success but wrote nothing)");
        }
        return Optional.of(artifacts.commit(temp, still));
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }
}

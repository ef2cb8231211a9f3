package org.reelforge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.MediaException;
import org.reelforge.media.Probe;
import org.reelforge.video.VideoId;

/**
 * Small JPEG stills made on first request and kept in this node's cache ({@code <cache>/stills/<id>/}): the library's
 * thumbnail at {@value #WIDTH} px wide (the full 1080×1920 one is ~90 KB and shown ~180 px wide), and one frame per
 * block for the studio's storyboard, taken from the middle of the block's clip. A still is named after the version of
 * the object it was made from, so a regenerated block shows its new clip. Written to a temporary name and renamed:
 * concurrent requests are safe.
 */
final class Stills {
    static final int WIDTH = 360;
    private final ArtifactStore artifacts;
    private final Path cache;
    private final Ffmpeg ffmpeg;

    Stills(ArtifactStore artifacts, Path cacheDir, Ffmpeg ffmpeg) {
        this.artifacts = artifacts;
        this.cache = cacheDir.resolve("stills");
        this.ffmpeg = ffmpeg;
    }

    /** The small thumbnail, made from {@code thumbnail.jpg}; empty while the video has none. */
    Optional<Path> thumbnail(VideoId id) {
        return fresh(id, ArtifactKey.thumbnail(id), "thumbnail-" + WIDTH, false);
    }

    /** The frame of block {@code n}, from its clip; empty while the block has no clip. */
    Optional<Path> frame(VideoId id, int block) {
        return fresh(id, ArtifactKey.clip(id, block), "block_" + block, true);
    }

    private Optional<Path> fresh(VideoId id, ArtifactKey source, String name, boolean seekToMiddle) {
        Optional<ArtifactStore.Info> info = artifacts.info(source).filter(i -> i.size() > 0);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Path dir = cache.resolve(id.value());
        Path still = dir.resolve(name + "-" + info.get().version().replaceAll("[^A-Za-z0-9]", "") + ".jpg");
        if (Files.isRegularFile(still)) {
            return Optional.of(still);
        }
        try {
            Files.createDirectories(dir);
            Path input = dir.resolve(".src-" + System.nanoTime() + "-" + source.fileName());
            Path temp = dir.resolve(".tmp-" + System.nanoTime() + "-" + still.getFileName());
            try {
                if (!artifacts.fetch(source, input)) {
                    return Optional.empty();
                }
                render(input, temp, seekToMiddle);
                dropOlder(dir, name);
                Files.move(temp, still, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(input);
                Files.deleteIfExists(temp);
            }
            return Optional.of(still);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a still of " + source + " in " + dir, e);
        }
    }

    private void render(Path source, Path target, boolean seekToMiddle) throws IOException {
        List<String> args = new ArrayList<>();
        if (seekToMiddle) {
            // Seeking a still image (even to 0) leaves ffmpeg nothing to encode: only clips are seeked.
            args.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", Probe.of(ffmpeg, source).durationMillis() / 2000.0)));
        }
        args.addAll(List.of("-i", Ffmpeg.fileArg(source), "-frames:v", "1", "-vf", "scale=" + WIDTH + ":-2", "-q:v", "4",
                "-c:v", "mjpeg", "-f", "image2", "-update", "1", Ffmpeg.fileArg(target)));
        ffmpeg.ffmpeg("make a " + WIDTH + " px still of " + source.getFileName(), null, args);
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw new MediaException("ffmpeg made no still of " + source + " (it answered success but wrote nothing)");
        }
    }

    /** Stills made from an older version of the same source. */
    private static void dropOlder(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + "-")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}

package org.reelforge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.reelforge.video.VideoId;

/**
 * The files of each video under {@code <dataDir>/videos/<id>/}: script.json, clips/block_N.mp4,
 * audio/block_N.wav, captions.ass/.srt, final.mp4, thumbnail.jpg. Files are written to a temporary name
 * beside the target and renamed, so a reader never sees half a file and a crash leaves no fake artifact.
 */
public final class ArtifactStore {
    private final Path root;

    public ArtifactStore(Path dataDir) {
        this.root = dataDir.toAbsolutePath().resolve("videos");
    }

    /** The folder holding every video's folder: {@code <dataDir>/videos}. */
    public Path root() {
        return root;
    }

    public Path dir(VideoId id) {
        return root.resolve(id.value());
    }

    public Path scriptJson(VideoId id) {
        return dir(id).resolve("script.json");
    }

    public Path clip(VideoId id, int block) {
        return dir(id).resolve("clips").resolve("block_" + block + ".mp4");
    }

    public Path voiceOver(VideoId id, int block) {
        return dir(id).resolve("audio").resolve("block_" + block + ".wav");
    }

    public Path finalVideo(VideoId id) {
        return dir(id).resolve("final.mp4");
    }

    public Path thumbnail(VideoId id) {
        return dir(id).resolve("thumbnail.jpg");
    }

    public Path captionsAss(VideoId id) {
        return dir(id).resolve("captions.ass");
    }

    public Path captionsSrt(VideoId id) {
        return dir(id).resolve("captions.srt");
    }

    /** A scratch folder for one step's intermediate files, emptied by the caller when done. */
    public Path work(VideoId id, String name) {
        Path p = dir(id).resolve("work").resolve(name);
        createDirectories(p);
        return p;
    }

    /** A temporary sibling of {@code target} to write into before {@link #commit}. */
    public Path temp(Path target) {
        createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        return target.resolveSibling(".tmp-" + System.nanoTime() + "-" + name.substring(0, dot < 0 ? name.length() : dot) + ext);
    }

    /** Moves a finished temporary file onto its target atomically. */
    public Path commit(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + temp + " to " + target, e);
        }
    }

    public Path writeString(Path target, String content) {
        Path temp = temp(target);
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + temp, e);
        }
        return commit(temp, target);
    }

    public boolean exists(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the video's folder and everything in it. */
    public void delete(VideoId id) {
        deleteTree(dir(id));
    }

    public void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}

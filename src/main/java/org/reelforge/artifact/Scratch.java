package org.reelforge.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Node-local working folders for steps: each run of a step gets its own folder with a unique name (two runs of one
 * video on one node, or a run picked up after a crash, never share files), deleted when the run closes it. Folders
 * left by a process that died are removed by {@link #sweep} once they are older than the longest step could take.
 * What must outlive the run is published with {@link ArtifactStore#put}; nothing here is shared between nodes.
 */
public final class Scratch {
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path root;
    private final Clock clock;

    public Scratch(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** One run's folder; close it to delete it and everything in it. */
    public static final class Dir implements AutoCloseable {
        private final Path path;

        private Dir(Path path) {
            this.path = path;
        }

        public Path path() {
            return path;
        }

        /** A file name inside this folder (not created). */
        public Path resolve(String name) {
            return path.resolve(name);
        }

        @Override
        public void close() {
            deleteTree(path);
        }
    }

    /** Creates a fresh folder for one run, e.g. {@code open("vid_…_assembly")}. */
    public Dir open(String purpose) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a scratch purpose is 1–64 letters, digits, '_' or '-' (got \"" + purpose + "\")");
        }
        Path dir = root.resolve(purpose + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the scratch folder " + dir, e);
        }
        return new Dir(dir);
    }

    /**
     * A folder kept across runs on this node under a fixed name (work a later step reuses, such as each clip's sound
     * prepared as it arrives), created when missing. Runs never delete it; {@link #forget} does, and {@link #sweep}
     * once it is old. Files in it must be written whole (temporary name, then rename).
     */
    public Path kept(String purpose) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a scratch purpose is 1–64 letters, digits, '_' or '-' (got \"" + purpose + "\")");
        }
        Path dir = root.resolve(purpose + "-kept");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the scratch folder " + dir, e);
        }
        return dir;
    }

    /** Deletes the kept folder of {@code purpose}, if any. */
    public void forget(String purpose) {
        deleteTree(root.resolve(purpose + "-kept"));
    }

    public Path root() {
        return root;
    }

    /** Deletes the folders last modified more than {@code olderThan} ago (left by runs that died); returns how many. */
    public int sweep(Duration olderThan) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        FileTime limit = FileTime.from(clock.instant().minus(olderThan));
        try (Stream<Path> dirs = Files.list(root)) {
            int removed = 0;
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (Files.getLastModifiedTime(d).compareTo(limit) < 0) {
                    deleteTree(d);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the scratch folder " + root, e);
        }
    }

    /** Deletes {@code dir} and everything in it; nothing happens when it is absent. */
    public static void deleteTree(Path dir) {
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
}

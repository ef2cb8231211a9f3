package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.Scratch;
import org.reelforge.video.VideoId;

/**
 * The steps' files: node-local scratch folders to work in (one per run of a step, deleted after it), and the
 * {@link ArtifactStore} where what a step made is published whole once it succeeded and read back by any node.
 */
final class Artifacts {
    private final ArtifactStore store;
    private final Scratch scratch;

    Artifacts(ArtifactStore store, Scratch scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    ArtifactStore store() {
        return store;
    }

    /** A fresh folder for one run of a step of {@code id}; close it when done. */
    Scratch.Dir open(VideoId id, String step) {
        return scratch.open(id.value() + "_" + step);
    }

    /** This node's folder kept across the runs of {@code id}'s {@code step} (see {@link Scratch#kept}). */
    Path kept(VideoId id, String step) {
        return scratch.kept(id.value() + "_" + step);
    }

    void forget(VideoId id, String step) {
        scratch.forget(id.value() + "_" + step);
    }

    /**
     * Brings {@code key} to {@code target}, unless a file of the stored size is already there (a copy this node made):
     * false when there is no such object.
     */
    boolean fetchUnlessPresent(ArtifactKey key, Path target) {
        try {
            if (Files.isRegularFile(target)) {
                long local = Files.size(target);
                if (store.info(key).map(i -> i.size() == local).orElse(false)) {
                    return true;
                }
            }
        } catch (IOException e) {
            // fetch it again below
        }
        return store.fetch(key, target);
    }

    /** Puts a copy of {@code from} at {@code to} whole (a hard link when it can, else a copy, then a rename). */
    static void placeCopy(Path from, Path to) {
        Path temp = to.resolveSibling(to.getFileName() + ".part-" + java.util.UUID.randomUUID());
        try {
            try {
                Files.createLink(temp, from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, temp);
            }
            Files.move(temp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    boolean exists(ArtifactKey key) {
        return store.exists(key);
    }

    /** Publishes a small text (script.json, word timings) whole. */
    void putText(ArtifactKey key, String text) {
        try (Scratch.Dir dir = scratch.open("text")) {
            Path file = dir.resolve(key.fileName());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            store.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + key + " to publish it", e);
        }
    }

    /** A small text published before; empty when there is none. */
    Optional<String> readText(ArtifactKey key) {
        try (Scratch.Dir dir = scratch.open("text")) {
            Path file = dir.resolve(key.fileName());
            return store.fetch(key, file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    /** Copies {@code key} into {@code dir} under its own name; empty when there is no such object. */
    Optional<Path> fetch(ArtifactKey key, Scratch.Dir dir, String name) {
        Path file = dir.resolve(name);
        return store.fetch(key, file) ? Optional.of(file) : Optional.empty();
    }
}

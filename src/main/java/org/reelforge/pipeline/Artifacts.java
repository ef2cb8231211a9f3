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

package org.reelforge.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * This node's copies of remote objects, so a node that wrote a clip (or already fetched it) does not download it
 * again. An entry is {@code <root>/<key>/<etag>}: a copy counts only for the exact version of the object it was made
 * from, so a re-rolled clip under the same key is fetched anew. Oldest-used entries are dropped when the cache grows
 * past its size. Entries are written through a temporary name and renamed, so a crash leaves no half copy. Thread-safe.
 */
final class NodeCache {
    private final Path root;
    private final long maxBytes;
    private final AtomicLong writtenSinceTrim = new AtomicLong();

    /** @param maxBytes 0 disables the cache */
    NodeCache(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** The cached copy of {@code key} at version {@code etag}, if this node has it. */
    Optional<Path> lookup(ArtifactKey key, String etag) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path entry = entry(key, etag);
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return Optional.of(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where to download {@code key} at {@code etag} before {@link #adopt}ing it: a unique temporary file. */
    Path incoming(ArtifactKey key) throws IOException {
        Path dir = root.resolve(key.value());
        Files.createDirectories(dir);
        return dir.resolve(".tmp-" + System.nanoTime() + "-" + Thread.currentThread().getId());
    }

    /** Moves a finished download into the cache as {@code key} at {@code etag}; returns the entry. */
    Path adopt(ArtifactKey key, String etag, Path downloaded) throws IOException {
        Path entry = entry(key, etag);
        dropOtherVersions(key, etag);
        FileCopies.moveOver(downloaded, entry);
        trimIfDue(Files.size(entry));
        return entry;
    }

    /** Keeps a copy of a file this node just published as {@code key} at {@code etag}. Failures only cost a download. */
    void remember(ArtifactKey key, String etag, Path localFile) {
        if (!enabled() || etag == null) {
            return;
        }
        try {
            Path temp = incoming(key);
            try {
                FileCopies.copyAndForce(localFile, temp);
                adopt(key, etag, temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(NodeCache.class).debug("not caching {}: {}", key, e.toString());
        }
    }

    /** Forgets every cached object whose key starts with {@code folder}. */
    void forget(String folder) {
        Scratch.deleteTree(root.resolve(folder));
    }

    private Path entry(ArtifactKey key, String etag) {
        return root.resolve(key.value()).resolve(safe(etag));
    }

    private void dropOtherVersions(ArtifactKey key, String etag) throws IOException {
        Path dir = root.resolve(key.value());
        String keep = safe(etag);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(keep) && !name.startsWith(".tmp-")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Trims after every quarter of the cache's size written, not on every put. */
    private void trimIfDue(long written) {
        if (writtenSinceTrim.addAndGet(written) < maxBytes / 4) {
            return;
        }
        writtenSinceTrim.set(0);
        trim();
    }

    synchronized void trim() {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".tmp-")).forEach(entries::add);
            entries.sort(Comparator.comparing(NodeCache::lastUsed).reversed());
            long total = 0;
            for (Path e : entries) {
                total += Files.size(e);
                if (total > maxBytes) {
                    Files.deleteIfExists(e);
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(NodeCache.class).warn("could not trim the artifact cache {}: {}", root, e.toString());
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String safe(String etag) {
        String s = etag.replaceAll("[^A-Za-z0-9-]", "");
        return s.isEmpty() ? "none" : s;
    }
}

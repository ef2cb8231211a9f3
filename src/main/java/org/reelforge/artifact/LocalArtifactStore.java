package org.reelforge.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.reelforge.video.VideoId;

/**
 * The artifacts as files under the data directory ({@code <dataDir>/videos/<id>/…}, today's layout). A put copies
 * the local file to a hidden temporary name beside the target, forces it to disk and renames it over the target, so
 * readers see the old object or the new one, whole. Temporary names start with {@code .tmp-} and are never listed;
 * neither is a video's {@code work/} folder (scratch of the engine before it moved to {@link Scratch}).
 */
public final class LocalArtifactStore implements ArtifactStore {
    private static final String TEMP = ".tmp-";
    private final Path root;

    /** @param dataDir the folder holding {@code videos/} */
    public LocalArtifactStore(Path dataDir) {
        this.root = dataDir.toAbsolutePath().normalize();
    }

    /** The file of {@code key} (for adapters and tools on this machine only; the engine speaks in keys). */
    public Path file(ArtifactKey key) {
        return root.resolve(key.value());
    }

    @Override
    public void put(ArtifactKey key, Path localFile) {
        Path target = file(key);
        if (sameFile(localFile, target)) {
            return;
        }
        Path temp = target.resolveSibling(TEMP + System.nanoTime() + "-" + key.fileName());
        try {
            Files.createDirectories(target.getParent());
            FileCopies.copyAndForce(localFile, temp);
            FileCopies.moveOver(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ArtifactException("Cannot publish " + localFile + " as " + key + " in " + describe() + ": " + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public String locate(ArtifactKey key) {
        return file(key).toAbsolutePath().normalize().toString();
    }

    @Override
    public boolean fetch(ArtifactKey key, Path localFile) {
        Path source = file(key);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        if (sameFile(source, localFile)) {
            return true;
        }
        try {
            FileCopies.linkOrCopy(source, localFile);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new ArtifactException("Cannot copy " + key + " from " + describe() + " to " + localFile + ": " + e, e);
        }
    }

    @Override
    public Optional<Info> info(ArtifactKey key) {
        Path f = file(key);
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            long size = Files.size(f);
            return Optional.of(new Info(size, MediaTypes.of(key),
                    Long.toHexString(size) + "-" + Long.toHexString(Files.getLastModifiedTime(f).toMillis())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ArtifactException("Cannot read the size of " + key + " in " + describe() + ": " + e, e);
        }
    }

    @Override
    public Optional<Content> open(ArtifactKey key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
            try {
                channel.position(offset);
                InputStream in = new BoundedInputStream(Channels.newInputStream(channel), length);
                return Optional.of(new Content(in, length, MediaTypes.of(key)));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ArtifactException("Cannot read " + key + " in " + describe() + ": " + e, e);
        }
    }

    @Override
    public List<ArtifactKey> list(VideoId id) {
        return keysUnder(root.resolve(ArtifactKey.videoPrefix(id)));
    }

    @Override
    public List<ArtifactKey> listAll() {
        return keysUnder(root.resolve("videos"));
    }

    private List<ArtifactKey> keysUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<ArtifactKey> keys = new ArrayList<>();
            files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(LocalArtifactStore::isArtifact).sorted().forEach(k -> keys.add(new ArtifactKey(k)));
            return keys;
        } catch (IOException e) {
            throw new ArtifactException("Cannot list " + dir + ": " + e, e);
        }
    }

    /** videos/<id>/<something>, not a temporary file, not the engine's old work/ scratch folder. */
    private static boolean isArtifact(String relative) {
        String[] parts = relative.split("/");
        if (parts.length < 3 || "work".equals(parts[2])) {
            return false;
        }
        try {
            new ArtifactKey(relative);
            return !parts[parts.length - 1].startsWith(TEMP);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void delete(ArtifactKey key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new ArtifactException("Cannot delete " + key + " in " + describe() + ": " + e, e);
        }
    }

    @Override
    public int deleteVideo(VideoId id) {
        Path dir = root.resolve(ArtifactKey.videoPrefix(id));
        int objects = list(id).size();
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new ArtifactException("Cannot delete the files of " + id + " in " + describe() + ": " + e, e);
            }
        }
        return objects;
    }

    @Override
    public Optional<String> problem() {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, TEMP + "ready-", ".probe");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot write in " + root + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the put already fails with the first error; a leftover .tmp- file is never listed
        }
    }
}

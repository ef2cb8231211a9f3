package org.reelforge.artifact;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copies of local files that never leave half a file under the target's name. Copies go through interruptible
 * channels, so a step cancelled at shutdown stops copying at once (and the copy is removed).
 */
final class FileCopies {
    private FileCopies() {
    }

    /** Copies {@code source} to the new file {@code target} and forces it to disk. */
    static void copyAndForce(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    throw new IOException(source + " shrank while being copied (" + done + " of " + size + " bytes)");
                }
                done += n;
            }
            out.force(true);
        }
    }

    /** Copies {@code source} over {@code target} through a temporary sibling renamed at the end. */
    static void copyAtomically(Path source, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve(".tmp-" + System.nanoTime() + "-" + target.getFileName());
        try {
            copyAndForce(source, temp);
            moveOver(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes {@code target} the same bytes as {@code source}: a hard link when both are on one filesystem (instant, no
     * space used: a later put replaces the stored file by a rename, so the link keeps the bytes it was made with),
     * else an atomic copy.
     */
    static void linkOrCopy(Path source, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve(".tmp-" + System.nanoTime() + "-" + target.getFileName());
        try {
            Files.createLink(temp, source);
            moveOver(temp, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.deleteIfExists(temp);
            copyAtomically(source, target);
        }
    }

    /** Renames {@code temp} over {@code target}, atomically where the filesystem can. */
    static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

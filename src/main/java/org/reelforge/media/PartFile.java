package org.reelforge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files are written under a temporary name next to their target ({@code name.part}) and renamed into place
 * once complete, so a reader never sees half a file and a crash leaves at most a stray {@code .part}.
 */
public final class PartFile {
    private PartFile() {
    }

    /** The temporary name of {@code target}: same directory, {@code .part} appended. */
    public static Path of(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Renames {@code temp} to {@code target} atomically, replacing an older {@code target}. */
    public static void moveIntoPlace(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MediaException("could not rename " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }
}

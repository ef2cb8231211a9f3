package org.reelforge.pipeline;

import java.util.List;
import java.util.Locale;
import org.reelforge.ReelForgeException;

/**
 * The disk or the database cannot be written (full, read-only): nothing a retry fixes until a person frees room. The
 * message names the path and the space left.
 */
public final class StorageException extends ReelForgeException {
    private static final List<String> SIGNS = List.of("no space left", "disk full", "read-only file system",
            "sqlite_full", "database or disk is full", "sqlite_readonly", "attempt to write a readonly database",
            "disk quota exceeded", "sqlite_ioerr");

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} (or one of its causes) says the disk or the database cannot be written. */
    public static boolean describes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (SIGNS.stream().anyMatch(m::contains)) {
                return true;
            }
            if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    && SIGNS.stream().anyMatch(fse.getReason().toLowerCase(Locale.ROOT)::contains)) {
                return true;
            }
        }
        return false;
    }
}

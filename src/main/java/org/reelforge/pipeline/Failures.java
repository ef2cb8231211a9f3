package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reelforge.media.MediaException;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Step;

/**
 * Turns what a step threw into a {@link StepOutcome.Fail} the retry rules understand: the providers' own
 * classification, the budget, and the disk (a full or read-only disk is a storage failure that names the path and
 * the free space, never a retry loop).
 */
final class Failures {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static StepOutcome.Fail of(RuntimeException e, Step step, Path dataDir) {
        if (e instanceof StorageException || isStorage(e)) {
            return new StepOutcome.Fail(ErrorKind.STORAGE, ErrorCategory.STORAGE, where(step) + storageMessage(e, dataDir));
        }
        if (e instanceof ProviderException pe) {
            return new StepOutcome.Fail(kind(pe.kind()), pe.category(), where(step) + e.getMessage(),
                    pe.retryAfter().orElse(null), pe.calls());
        }
        if (e instanceof BudgetExceededException) {
            return new StepOutcome.Fail(ErrorKind.BUDGET, ErrorCategory.BUDGET_EXCEEDED, where(step) + e.getMessage());
        }
        if (e instanceof InvalidRequestException) {
            return new StepOutcome.Fail(ErrorKind.PERMANENT, ErrorCategory.DEFAULT, where(step) + e.getMessage());
        }
        if (e instanceof MediaException) {
            return new StepOutcome.Fail(ErrorKind.TRANSIENT, ErrorCategory.ASSEMBLY_FAILED, where(step) + e.getMessage());
        }
        LOG.warn("unexpected error in step {}", step, e);
        return new StepOutcome.Fail(ErrorKind.TRANSIENT, step == Step.ASSEMBLY ? ErrorCategory.ASSEMBLY_FAILED
                : ErrorCategory.DEFAULT, where(step) + e);
    }

    static ErrorKind kind(ProviderException.Kind kind) {
        return switch (kind) {
            case TRANSIENT -> ErrorKind.TRANSIENT;
            case RATE_LIMITED -> ErrorKind.RATE_LIMITED;
            case REFUSED -> ErrorKind.REFUSED;
            case PERMANENT -> ErrorKind.PERMANENT;
        };
    }

    static boolean isStorage(Throwable e) {
        return StorageException.describes(e);
    }

    /** "cannot write to /data (12 MB free of 5.0 GB): No space left on device" */
    static String storageMessage(Throwable e, Path dataDir) {
        String cause = e instanceof StorageException ? e.getMessage() : rootMessage(e);
        return "cannot write to " + dataDir.toAbsolutePath() + " (" + freeSpace(dataDir) + "): " + cause
                + ". Free some space (or make it writable), then resume the video.";
    }

    static String freeSpace(Path dir) {
        try {
            FileStore store = Files.getFileStore(Files.exists(dir) ? dir : dir.toAbsolutePath().getParent());
            return megabytes(store.getUsableSpace()) + " free of " + megabytes(store.getTotalSpace());
        } catch (IOException | UncheckedIOException | NullPointerException ex) {
            return "free space unknown";
        }
    }

    private static String megabytes(long bytes) {
        if (bytes >= 10L << 30) {
            return (bytes >> 30) + " GB";
        }
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String where(Step step) {
        return (step == null ? "pipeline" : step.wireName()) + ": ";
    }

    /** Whether {@code e} came from a thread interrupted while it waited (a node's shutdown), not from the work itself. */
    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }
}

package org.reelforge.artifact;

import org.reelforge.ReelForgeException;

/** An artifact could not be read, written, listed or deleted; the message names the store, the key and what failed. */
public final class ArtifactException extends ReelForgeException {
    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}

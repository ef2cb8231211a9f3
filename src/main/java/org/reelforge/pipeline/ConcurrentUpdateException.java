package org.reelforge.pipeline;

import org.reelforge.ReelForgeException;

/** Another worker changed the row first (optimistic locking); the caller reloads and decides again. */
public final class ConcurrentUpdateException extends ReelForgeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}

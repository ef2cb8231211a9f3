package org.reelforge.pipeline;

import org.reelforge.ReelForgeException;

/** The action does not fit the video's current state (e.g. reset a clip that is not abandoned). */
public final class ConflictException extends ReelForgeException {
    public ConflictException(String message) {
        super(message);
    }
}

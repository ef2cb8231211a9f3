package org.reelforge.video;

import org.reelforge.ReelForgeException;

/**
 * An action a person asked for does not fit the video's current state (reset a clip that is not abandoned, approve
 * twice), or another change got there first. Carries the video as it is, so an API can answer with it.
 */
public final class ConflictException extends ReelForgeException {
    private final transient Video current;

    public ConflictException(String message) {
        this(message, null);
    }

    public ConflictException(String message, Video current) {
        super(message);
        this.current = current;
    }

    /** The video as it was when the action was refused; null when not known. */
    public Video current() {
        return current;
    }
}

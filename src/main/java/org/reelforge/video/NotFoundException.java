package org.reelforge.video;

import org.reelforge.ReelForgeException;

/** No video (or user) with that id, or not one the caller may see. */
public final class NotFoundException extends ReelForgeException {
    public NotFoundException(String message) {
        super(message);
    }
}

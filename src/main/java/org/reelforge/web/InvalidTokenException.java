package org.reelforge.web;

import org.reelforge.ReelForgeException;

/** A token that is malformed, forged, expired or of the wrong kind; the message says which. */
public final class InvalidTokenException extends ReelForgeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}

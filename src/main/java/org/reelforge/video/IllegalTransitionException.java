package org.reelforge.video;

import org.reelforge.ReelForgeException;

/** A state change that the status tables forbid. */
public final class IllegalTransitionException extends ReelForgeException {
    public IllegalTransitionException(String what, Object from, Object to) {
        super(what + ": cannot go from " + from + " to " + to);
    }
}

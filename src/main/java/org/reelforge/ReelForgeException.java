package org.reelforge;

/** The one unchecked root of every failure ReelForge raises on purpose. */
public class ReelForgeException extends RuntimeException {
    public ReelForgeException(String message) {
        super(message);
    }

    public ReelForgeException(String message, Throwable cause) {
        super(message, cause);
    }
}

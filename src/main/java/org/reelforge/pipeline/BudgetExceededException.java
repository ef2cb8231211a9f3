package org.reelforge.pipeline;

import org.reelforge.ReelForgeException;

/** The next paid call would take the video over its budget; the video stops before making it. */
public final class BudgetExceededException extends ReelForgeException {
    public BudgetExceededException(String message) {
        super(message);
    }
}

package org.reelforge.cli;

/** The launcher's exit codes. */
public final class ExitCodes {
    public static final int DONE = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int VIDEO_FAILED = 4;

    private ExitCodes() {
    }
}

package org.reelforge.cli;

import org.reelforge.jobs.WorkerSettings;

/** What {@code serve} and {@code worker} say when asked to stop. */
final class Stopping {
    private Stopping() {
    }

    static String message(WorkerSettings liveness) {
        return "Stopping: no new work is taken; running steps have " + liveness.shutdownGrace().toSeconds()
                + " s to finish (" + WorkerSettings.GRACE + "), then are handed back to the other nodes…";
    }
}

package org.reelforge.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command ({@code serve}, {@code worker}) stop cleanly on SIGTERM or Ctrl-C: the JVM's shutdown
 * hook wakes {@link #await()}, and waits (up to {@code longest}) until the command has closed what it opened and
 * called {@link #stopped()}.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Duration longest;

    StopSignal(Duration longest) {
        this.longest = longest;
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "reelforge-shutdown"));
    }

    private void onSignal() {
        requested.countDown();
        try {
            done.await(longest.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the process is asked to stop. */
    void await() {
        try {
            requested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stopped() {
        done.countDown();
    }
}

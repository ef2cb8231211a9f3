package org.reelforge.provider.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.reelforge.provider.ProviderException;

/**
 * One provider's shared rate-limit wait and its cap on simultaneous calls. After a call is rate limited (429 or a
 * reply saying so), every call to this provider — from any operation or video of this process — fails fast as
 * RATE_LIMITED with the time left, without touching the network, until the wait ends; then a single call goes first
 * and the others keep waiting until it succeeds, so the provider never sees a burst of retries. At most
 * {@code concurrency} calls run at once (more wait for a slot). Thread-safe.
 */
public final class ProviderGate {
    /** How long the callers behind a probing call are asked to wait before trying again. */
    static final Duration PROBE_WAIT = Duration.ofSeconds(2);
    private final String provider;
    private final Semaphore slots;
    private final int concurrency;
    private final Duration defaultWait;
    private final Clock clock;
    private Instant closedUntil = Instant.MIN;
    private boolean probing;
    private boolean limited;
    private String reason = "";

    /**
     * @param concurrency at most this many calls at once
     * @param defaultWait the wait after a rate limit that does not say how long
     */
    public ProviderGate(String provider, int concurrency, Duration defaultWait, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1 (got " + concurrency + ")");
        }
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency, true);
        this.defaultWait = Objects.requireNonNull(defaultWait, "defaultWait");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String provider() {
        return provider;
    }

    public int concurrency() {
        return concurrency;
    }

    /**
     * Runs {@code call} when the provider is not rate limited and a slot is free.
     *
     * @throws ProviderException RATE_LIMITED with the time left, without running {@code call}, while the wait lasts
     */
    public <T> T call(String operation, Supplier<T> call) {
        boolean probe = admit(operation);
        acquire(operation);
        try {
            T result = call.get();
            succeeded(probe);
            return result;
        } catch (ProviderException e) {
            failed(e, probe);
            throw e;
        } catch (RuntimeException e) {
            succeeded(probe);
            throw e;
        } finally {
            slots.release();
        }
    }

    /** Records a rate limit the provider reported in a reply rather than as an error (a poll saying so). */
    public synchronized void rateLimited(ProviderException e) {
        close(e);
    }

    /** The wait left now, zero when calls may go. */
    public synchronized Duration remainingWait() {
        Duration left = Duration.between(clock.instant(), closedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private synchronized boolean admit(String operation) {
        Instant now = clock.instant();
        if (now.isBefore(closedUntil)) {
            throw waiting(operation, Duration.between(now, closedUntil));
        }
        if (!limited) {
            return false;
        }
        if (probing) {
            throw waiting(operation, PROBE_WAIT);
        }
        probing = true;
        return true;
    }

    private ProviderException waiting(String operation, Duration left) {
        return ProviderException.rateLimited(provider, operation + " not sent: " + provider + " is rate limited for "
                + left.toSeconds() + " s more (" + reason + ")", left);
    }

    private void acquire(String operation) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                probing = false;
            }
            throw ProviderException.transientError(provider, operation + " was interrupted waiting for a free slot", e);
        }
    }

    private synchronized void succeeded(boolean probe) {
        if (probe) {
            probing = false;
            limited = false;
        }
    }

    private synchronized void failed(ProviderException e, boolean probe) {
        if (probe) {
            probing = false;
        }
        if (e.kind() == ProviderException.Kind.RATE_LIMITED) {
            close(e);
        } else if (probe) {
            limited = false;
        }
    }

    private void close(ProviderException e) {
        Instant until = clock.instant().plus(e.retryAfter().orElse(defaultWait));
        if (until.isAfter(closedUntil)) {
            closedUntil = until;
        }
        limited = true;
        reason = e.getMessage();
    }
}

package org.reelforge.provider.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;

class ProviderGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AtomicInteger requests = new AtomicInteger();

    private ProviderGate gate(int concurrency) {
        return new ProviderGate("omni", concurrency, Duration.ofSeconds(60), clock);
    }

    private String limited() {
        requests.incrementAndGet();
        throw ProviderException.rateLimited("omni", "HTTP 429 RESOURCE_EXHAUSTED", Duration.ofSeconds(30));
    }

    private String ok() {
        requests.incrementAndGet();
        return "ok";
    }

    @Test
    void afterA429EveryCallerFailsFastWithTheTimeLeftAndNothingReachesTheProvider() throws Exception {
        ProviderGate gate = gate(8);
        assertThatThrownBy(() -> gate.call("submit", this::limited)).isInstanceOf(ProviderException.class);
        clock.advance(Duration.ofSeconds(10));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ProviderException>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(pool.submit(() -> {
                try {
                    gate.call(i0() ? "poll" : "submit", ProviderGateTest.this::ok);
                    return null;
                } catch (ProviderException e) {
                    return e;
                }
            }));
        }
        for (Future<ProviderException> f : callers) {
            ProviderException e = f.get(5, TimeUnit.SECONDS);
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        }
        pool.shutdown();
        assertThat(requests).hasValue(1);
    }

    private static boolean i0() {
        return Thread.currentThread().getId() % 2 == 0;
    }

    @Test
    void whenTheWaitEndsOneCallGoesFirstAndTheOthersFollowOnlyAfterItSucceeds() throws Exception {
        ProviderGate gate = gate(8);
        assertThatThrownBy(() -> gate.call("submit", this::limited)).isInstanceOf(ProviderException.class);
        clock.advance(Duration.ofSeconds(31));
        CountDownLatch probeRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> probe = pool.submit(() -> gate.call("submit", () -> {
            probeRunning.countDown();
            await(release);
            return ok();
        }));
        probeRunning.await(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gate.call("submit", this::ok)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryAfter()).contains(ProviderGate.PROBE_WAIT));
        release.countDown();
        assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(gate.call("submit", this::ok)).isEqualTo("ok");
        pool.shutdown();
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRateLimitReportedByAPollClosesTheGateForTheProvidersOtherOperations() {
        ProviderGate gate = gate(8);
        ClipGenerator limitedPolls = new ClipGenerator() {
            @Override
            public String name() {
                return "omni:test";
            }

            @Override
            public org.reelforge.provider.ClipCapabilities capabilities() {
                return org.reelforge.provider.replica.Models.clip("gemini-api", "gemini-omni-1.1-flash");
            }

            @Override
            public Submitted submit(ClipRequest request) {
                requests.incrementAndGet();
                return new Submitted("op", null);
            }

            @Override
            public Poll poll(String operationName) {
                requests.incrementAndGet();
                return new Poll.Failed(ProviderException.rateLimited("omni", "quota", Duration.ofSeconds(45)));
            }

            @Override
            public void download(String operationName, java.nio.file.Path target) {
                requests.incrementAndGet();
            }
        };
        ClipGenerator gated = GatedProviders.of(limitedPolls, gate);
        assertThat(gated.poll("op1")).isInstanceOf(ClipGenerator.Poll.Failed.class);

        assertThatThrownBy(() -> gated.submit(null)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(45)));
        assertThat(requests).hasValue(1);
    }

    @Test
    void noMoreThanTheConcurrencyLimitRunAtOnce() throws Exception {
        ProviderGate gate = gate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> gate.call("download", () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleepBriefly();
                running.decrementAndGet();
                return "ok";
            })));
        }
        for (Future<String> f : calls) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        pool.shutdown();
        assertThat(most).hasValue(2);
    }

    @Test
    void otherFailuresLeaveTheGateOpen() {
        ProviderGate gate = gate(1);
        assertThatThrownBy(() -> gate.call("submit", () -> {
            throw ProviderException.transientError("omni", "HTTP 503", null);
        })).isInstanceOf(ProviderException.class);
        assertThat(gate.call("submit", this::ok)).isEqualTo("ok");
        assertThat(gate.remainingWait()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the slot long enough for the other callers to pile up (the measured quantity is the overlap). */
    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ErrorCategory;

/** A video model whose every submission's fate a test writes down in advance; it counts what it receives. */
final class FakeClipGenerator implements ClipGenerator {
    enum Outcome {
        SUCCEED, FAIL_AT_SUBMIT, FAIL, STUCK, REFUSE, RATE_LIMIT_AT_SUBMIT, PERMANENT_AT_SUBMIT,
        /** Done, but the first download is damaged (a second one is fine). */
        CORRUPT_ONCE,
        /** Done, but every download is damaged. */
        CORRUPT,
        /** Done, but the clip is 2 s long whatever the block. */
        SHORT,
        /** The provider accepts (and bills) the submission, then our process dies before it reads the reply. */
        CRASH_AFTER_SUBMIT
    }

    /** What a process that dies in the middle of a call leaves behind: not a provider's answer. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    record Op(String name, ClipRequest request, Outcome outcome, Instant readyAt) {
    }

    private final Clock clock;
    private final Map<Integer, Deque<Outcome>> plans = new ConcurrentHashMap<>();
    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private final List<ClipRequest> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> downloads = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ofSeconds(30);
    private volatile int extensionLimitSeconds = 148;
    private volatile RuntimeException nextPollFailure;

    FakeClipGenerator(Clock clock) {
        this.clock = clock;
    }

    FakeClipGenerator plan(int block, Outcome... outcomes) {
        plans.put(block, new ArrayDeque<>(List.of(outcomes)));
        return this;
    }

    /** How long an extend chain may grow (Veo: 148 s on the Gemini API, 37 s on Vertex; Omni: 40 s). */
    FakeClipGenerator extensionLimit(int seconds) {
        extensionLimitSeconds = seconds;
        return this;
    }

    FakeClipGenerator latency(Duration d) {
        latency = d;
        return this;
    }

    void failNextPoll(RuntimeException e) {
        nextPollFailure = e;
    }

    @Override
    public String name() {
        return "fake-veo";
    }

    @Override
    public org.reelforge.provider.ClipCapabilities capabilities() {
        return new org.reelforge.provider.ClipCapabilities("fake-veo", org.reelforge.video.ClipLengths.of(4, 6, 8),
                java.util.List.of("360p", "720p"), "360p", java.util.List.of("9:16", "16:9"), true,
                new org.reelforge.provider.ClipCapabilities.Extension(org.reelforge.video.ClipLengths.range(4, 8),
                        extensionLimitSeconds, extensionLimitSeconds),
                3, true, 2000);
    }

    @Override
    public Submitted submit(ClipRequest request) {
        received.add(request);
        Outcome outcome = plans.getOrDefault(request.blockIndex(), new ArrayDeque<>()).poll();
        outcome = outcome == null ? Outcome.SUCCEED : outcome;
        switch (outcome) {
            case FAIL_AT_SUBMIT -> throw ProviderException.transientError(name(), "HTTP 500 INTERNAL", null);
            case RATE_LIMIT_AT_SUBMIT -> throw ProviderException.rateLimited(name(), "429 RESOURCE_EXHAUSTED", Duration.ofSeconds(23));
            case PERMANENT_AT_SUBMIT -> throw ProviderException.permanent(name(), "400 INVALID_ARGUMENT: API key not valid");
            default -> {
            }
        }
        String name = "operations/op-" + request.blockIndex() + "-" + received.size();
        ops.put(name, new Op(name, request, outcome, clock.instant().plus(latency)));
        if (outcome == Outcome.CRASH_AFTER_SUBMIT) {
            throw new SimulatedCrash("the process died while " + name + " was being submitted");
        }
        return new Submitted(name, new ProviderCall(name(), "clip", request.durationSeconds(), "second"));
    }

    @Override
    public Poll poll(String operationName) {
        RuntimeException failure = nextPollFailure;
        if (failure != null) {
            nextPollFailure = null;
            throw failure;
        }
        Op op = ops.get(operationName);
        if (op == null) {
            return new Poll.Failed(ProviderException.permanent(name(), "404 operation " + operationName + " not found"));
        }
        if (op.outcome() == Outcome.STUCK || clock.instant().isBefore(op.readyAt())) {
            return new Poll.Running();
        }
        return switch (op.outcome()) {
            case FAIL -> new Poll.Failed(ProviderException.transientError(name(), "operation error 13 INTERNAL", null));
            case REFUSE -> new Poll.Failed(ProviderException.refused(name(), ErrorCategory.USAGE_GUIDELINES,
                    "raiMediaFilteredCount=1: usage guidelines"));
            default -> new Poll.Done("files/" + operationName.replace('/', '_'), startOf(op));
        };
    }

    /** Where an extension's part starts in the video it returns, as Veo does: after the video it extends. */
    private long startOf(Op op) {
        return op.request().extendFrom().flatMap(ref -> ops.values().stream()
                        .filter(o -> ref.equals("files/" + o.name().replace('/', '_'))).findFirst())
                .map(previous -> startOf(previous) + previous.request().durationSeconds() * 1000L).orElse(0L);
    }

    @Override
    public void download(String operationName, Path target) {
        Op op = ops.get(operationName);
        downloads.merge(operationName, 1, Integer::sum);
        boolean damaged = op != null && (op.outcome() == Outcome.CORRUPT
                || op.outcome() == Outcome.CORRUPT_ONCE && downloads.get(operationName) == 1);
        long millis = op == null ? 8000 : op.outcome() == Outcome.SHORT ? 2000
                : startOf(op) + op.request().durationSeconds() * 1000L;
        try {
            Files.writeString(target, damaged ? "corrupt " + operationName : "clip " + operationName + " duration=" + millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int downloads(String operationName) {
        return downloads.getOrDefault(operationName, 0);
    }

    int submissions() {
        return received.size();
    }

    /** Submissions the provider accepted (an operation exists): the ones that may be billed. */
    int accepted(int block) {
        return (int) ops.values().stream().filter(o -> o.request().blockIndex() == block).count();
    }

    int submissions(int block) {
        return (int) received.stream().filter(r -> r.blockIndex() == block).count();
    }

    List<ClipRequest> received() {
        return List.copyOf(received);
    }
}

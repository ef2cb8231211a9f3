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
    enum Outcome { SUCCEED, FAIL_AT_SUBMIT, FAIL, STUCK, REFUSE, RATE_LIMIT_AT_SUBMIT, PERMANENT_AT_SUBMIT }

    record Op(String name, ClipRequest request, Outcome outcome, Instant readyAt) {
    }

    private final Clock clock;
    private final Map<Integer, Deque<Outcome>> plans = new ConcurrentHashMap<>();
    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private final List<ClipRequest> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration latency = Duration.ofSeconds(30);
    private volatile RuntimeException nextPollFailure;

    FakeClipGenerator(Clock clock) {
        this.clock = clock;
    }

    FakeClipGenerator plan(int block, Outcome... outcomes) {
        plans.put(block, new ArrayDeque<>(List.of(outcomes)));
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
                java.util.List.of("360p", "720p"), "360p", java.util.List.of("9:16"), true,
                new org.reelforge.provider.ClipCapabilities.Extension(org.reelforge.video.ClipLengths.of(7), 141, 148),
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
            default -> new Poll.Done("files/" + operationName.replace('/', '_'));
        };
    }

    @Override
    public void download(String operationName, Path target) {
        try {
            Files.writeString(target, "clip " + operationName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int submissions() {
        return received.size();
    }

    int submissions(int block) {
        return (int) received.stream().filter(r -> r.blockIndex() == block).count();
    }

    List<ClipRequest> received() {
        return List.copyOf(received);
    }
}

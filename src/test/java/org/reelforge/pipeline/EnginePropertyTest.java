package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.pipeline.FakeClipGenerator.Outcome;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.ConflictException;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * Random sequences of what can happen to a video — a person's retry, reset, re-roll and cancel, a crash and restart,
 * the clock jumping past every timeout, providers failing in every way — on the in-memory engine, checking after
 * every pass that no paid clip is abandoned in the pass that submitted it, that a block is submitted at most 4 times
 * per series, that final.mp4 holds every block that succeeded, and that every video is finished or has its next run
 * planned. Each seed is one reproducible history.
 */
class EnginePropertyTest {
    private static final int SEEDS = 150;
    private static final int ACTIONS = 25;
    private static final int BLOCKS = 3;
    private static final Outcome[] OUTCOMES = {Outcome.SUCCEED, Outcome.SUCCEED, Outcome.SUCCEED, Outcome.SUCCEED,
            Outcome.FAIL, Outcome.FAIL_AT_SUBMIT, Outcome.STUCK, Outcome.REFUSE, Outcome.RATE_LIMIT_AT_SUBMIT,
            Outcome.CORRUPT_ONCE, Outcome.CORRUPT, Outcome.SHORT, Outcome.CRASH_AFTER_SUBMIT};
    @TempDir
    Path dir;

    @Test
    void randomHistoriesKeepTheEnginesPromises() throws Exception {
        List<String> violations = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            violations.addAll(history(seed));
        }
        assertThat(violations).isEmpty();
    }

    private List<String> history(long seed) throws Exception {
        Random random = new Random(seed);
        try (PipelineHarness h = PipelineHarness.inMemory(dir.resolve("s" + seed), 8, 8, 8)) {
            for (int b = 1; b <= BLOCKS; b++) {
                Outcome[] plan = new Outcome[12];
                for (int i = 0; i < plan.length; i++) {
                    plan[i] = OUTCOMES[random.nextInt(OUTCOMES.length)];
                }
                h.clips.plan(b, plan);
            }
            h.clips.latency(Duration.ofSeconds(5 + random.nextInt(600)));
            ClipStrategy strategy = ClipStrategy.values()[random.nextInt(ClipStrategy.values().length)];
            VideoId id = h.submit(VideoRequest.of("seed " + seed).withDuration(24).withClipStrategy(strategy));
            Checker checker = new Checker(h, id, seed);
            h.watchPasses((video, pass) -> checker.pass(pass));
            for (int i = 0; i < ACTIONS; i++) {
                act(h, id, random, checker);
            }
            h.runToEnd();
            checker.settled();
            return checker.violations;
        }
    }

    private static void act(PipelineHarness h, VideoId id, Random random, Checker checker) {
        int block = 1 + random.nextInt(BLOCKS);
        try {
            switch (random.nextInt(9)) {
                case 0 -> {
                    h.control.retry(id);
                    checker.retried();
                }
                case 1 -> {
                    h.control.resetClip(id, block);
                    checker.newSeries(block);
                }
                case 2 -> {
                    h.control.regenerateBlock(id, block);
                    checker.newSeries(block);
                }
                case 3 -> h.control.cancel(id);
                case 4 -> {
                    h.jobs.remove(id);
                    h.monitor.ensureRunsPlanned();
                }
                case 5 -> {
                    h.clock.advance(Duration.ofMinutes(random.nextInt(45)));
                    h.runFor(Duration.ZERO);
                }
                case 6 -> {
                    for (VideoId v : h.runs.unfinished()) {
                        h.advance(v);
                    }
                }
                default -> h.runFor(Duration.ofSeconds(5 + random.nextInt(900)));
            }
        } catch (ConflictException | NotFoundException refusedAsItShouldBe) {
            // the action did not fit the state: the engine said so, nothing changed
        }
    }

    /** Follows one video's passes and says which promises broke. */
    private static final class Checker {
        private final PipelineHarness h;
        private final VideoId id;
        private final long seed;
        private final Map<Integer, Integer> seriesStart = new HashMap<>();
        final List<String> violations = new ArrayList<>();

        Checker(PipelineHarness h, VideoId id, long seed) {
            this.h = h;
            this.id = id;
            this.seed = seed;
        }

        void newSeries(int block) {
            seriesStart.put(block, h.clips.accepted(block));
        }

        void retried() {
            h.run(id).clips().forEach(c -> {
                if (c.retryCount() == 0) {
                    newSeries(c.blockIndex());
                }
            });
        }

        void pass(Runnable pass) {
            Map<Integer, Integer> acceptedBefore = accepted();
            VideoRun start = h.run(id);
            Map<Integer, ClipStatus> before = statuses(start);
            VideoStatus statusBefore = start.video().status();
            pass.run();
            VideoRun after = h.run(id);
            Map<Integer, Integer> acceptedAfter = accepted();
            for (ClipOperation c : after.clips()) {
                int b = c.blockIndex();
                boolean paidNow = acceptedAfter.get(b) > acceptedBefore.get(b);
                if (paidNow && c.status() == ClipStatus.ABANDONED && before.get(b) != ClipStatus.ABANDONED) {
                    violations.add(where() + "block " + b + " was submitted and abandoned in the same pass");
                }
                int series = acceptedAfter.get(b) - seriesStart.getOrDefault(b, 0);
                if (series > 1 + PipelineSettings.defaults().maxClipRetries()) {
                    violations.add(where() + "block " + b + " was submitted " + series + " times in one series");
                }
            }
            Video v = after.video();
            if (v.status() == VideoStatus.COMPLETED && statusBefore != VideoStatus.COMPLETED) {
                Set<Integer> succeeded = after.clipsIn(ClipStatus.SUCCESS).stream().map(ClipOperation::blockIndex)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<Integer> rendered = h.assembly.lastInputs.stream().map(i -> i.blockIndex())
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!rendered.equals(succeeded)) {
                    violations.add(where() + "final.mp4 has blocks " + rendered + " where " + succeeded + " succeeded");
                }
            }
            if (!v.status().isIdle() && h.jobs.dueAt(id).isEmpty()) {
                violations.add(where() + "left " + v.status().wireName() + " with no run planned");
            }
        }

        void settled() {
            Video v = h.video(id);
            if (!v.status().isIdle()) {
                violations.add(where() + "still " + v.status().wireName() + " after 6 h");
            }
            if (v.status() == VideoStatus.FAILED && (v.failureReason() == null || v.errorCategory() == null)) {
                violations.add(where() + "failed without a reason or a category");
            }
        }

        private Map<Integer, Integer> accepted() {
            Map<Integer, Integer> m = new HashMap<>();
            for (int b = 1; b <= BLOCKS; b++) {
                m.put(b, h.clips.accepted(b));
            }
            return m;
        }

        private static Map<Integer, ClipStatus> statuses(VideoRun run) {
            Map<Integer, ClipStatus> m = new HashMap<>();
            run.clips().forEach(c -> m.put(c.blockIndex(), c.status()));
            return m;
        }

        private String where() {
            return "seed " + seed + " at " + h.clock.instant() + ": ";
        }
    }
}

package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.pipeline.FakeClipGenerator.Outcome;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.ConflictException;
import org.reelforge.video.CostEntry;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.EventType;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/** The money bugs and faults of issue 7, each as the behaviour that replaced it, on the in-memory engine. */
class EngineRegressionTest {
    @TempDir
    Path dir;
    PipelineHarness h;

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private VideoId twoBlocks() {
        return h.submit(VideoRequest.of("Les volcans").withDuration(16));
    }

    @Test
    void reRollLongAfterTheAssemblyWaitKeepsThePaidClipAndTheWholeVideo() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.latency(Duration.ofMinutes(2));
        VideoId id = twoBlocks();
        h.runToEnd();
        assertThat(h.tracking(id).orElseThrow().status()).isEqualTo(AssemblyTracking.Status.COMPLETED);

        h.clock.advance(Duration.ofHours(2));
        h.control.regenerateBlock(id, 2);
        h.runToEnd();

        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.SUCCESS);
        assertThat(h.clips.submissions(2)).isEqualTo(2);
        assertThat(h.assembly.lastInputs).extracting(i -> i.blockIndex()).containsExactly(1, 2);
        assertThat(h.video(id).delivered().missingBlocks()).isEmpty();
        assertThat(h.eventTypes(id)).doesNotContain("clip_abandoned");
    }

    @Test
    void aFailedClipIsNotRelaunchedWhenTheDeadlineIsTooCloseForItToComeBack() {
        h = PipelineHarness.inMemory(dir, s -> s.withAssemblyTimeout(Duration.ofSeconds(14 * 60 + 30)), 8, 8);
        h.clips.plan(2, Outcome.FAIL);
        h.clips.latency(Duration.ofMinutes(14));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.clips.submissions(2)).as("failed at 14 min, the assembly at 14 min 30 s: not relaunched").isEqualTo(1);
        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.ABANDONED);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message()).contains("not relaunched", "assembly starts in"));
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).delivered().missingBlocks()).containsExactly(2);
    }

    @Test
    void anActionMetByAConcurrentChangeIsAConflictCarryingTheCurrentState() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = twoBlocks();
        h.runToEnd();
        var stale = h.control.run(id);
        h.control.regenerateBlock(id, 1);
        org.reelforge.video.RunActions.regenerate(stale, 2, h.clock.instant());
        assertThatThrownBy(() -> h.runs.save(stale)).isInstanceOf(ConcurrentUpdateException.class);

        assertThatThrownBy(() -> h.control.resetClip(id, 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.current()).isNotNull());
    }

    @Test
    void aUserScriptTheClipModelCannotMakeIsRefusedBeforeAnythingIsQueued() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        org.reelforge.video.Script script = new org.reelforge.video.Script("t", "", List.of(
                new org.reelforge.video.Block(1, 8, "v", "s", null), new org.reelforge.video.Block(2, 5, "v", "s", null)));
        assertThatThrownBy(() -> h.submit(VideoRequest.of("x").withDuration(13).withScript(script)))
                .isInstanceOfSatisfying(org.reelforge.video.InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("blocks[2].duration");
                    assertThat(e.rule()).contains("4, 6 or 8 s for fake-veo (got 5)");
                });
        assertThat(h.runs.unfinished()).isEmpty();
    }

    @Test
    void aCorruptDownloadIsFetchedAgainAndNotPaidTwice() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(1, Outcome.CORRUPT_ONCE);
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions(1)).isEqualTo(1);
        assertThat(h.clips.downloads(h.clip(id, 1).operationName())).isEqualTo(2);
        assertThat(clipLines(id, 1)).hasSize(1);
    }

    @Test
    void aClipThatStaysCorruptIsRelaunchedAsARetry() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(1, Outcome.CORRUPT, Outcome.SUCCEED);
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.clips.submissions(1)).isEqualTo(2);
        assertThat(h.clip(id, 1).retryCount()).isEqualTo(1);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message()).contains("unusable", "does not decode"));
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void aClipShorterThanItsBlockIsAFailureNotAFreeze() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(2, Outcome.SHORT, Outcome.SUCCEED);
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.clips.submissions(2)).isEqualTo(2);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message()).contains("the clip has 2.0 s for a block of 8 s"));
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void aClipFileDamagedOnDiskIsFetchedAgainAtAssemblyWithoutPaying() throws Exception {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = twoBlocks();
        h.runToEnd();
        Files.writeString(h.artifacts.file(org.reelforge.artifact.ArtifactKey.clip(id, 1)), "corrupt after a disk error");
        h.control.regenerateBlock(id, 2);
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions(1)).as("block 1 is fetched again, not made again").isEqualTo(1);
        assertThat(clipLines(id, 1)).hasSize(1);
        assertThat(h.eventTypes(id)).contains("clip_refetched");
        assertThat(h.assembly.lastInputs).hasSize(2);
    }

    @Test
    void aRefusedGenerationIsBookedAtZeroWithItsReason() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(1, Outcome.REFUSE, Outcome.SUCCEED);
        VideoId id = twoBlocks();
        h.runToEnd();

        List<CostEntry> clips = h.costs(id).stream().filter(e -> e.kind() == CostEntry.Kind.SPENT
                && e.operation() == org.reelforge.video.BilledOperation.CLIP).toList();
        assertThat(clips).hasSize(3);
        assertThat(clips).filteredOn(e -> !e.charge().charged()).singleElement().satisfies(e -> {
            assertThat(e.amountMicroUsd()).isZero();
            assertThat(e.charge().note()).startsWith("refused: ");
        });
        assertThat(clips.stream().mapToLong(CostEntry::amountMicroUsd).sum()).as("two clips of 8 s at $0.10/s")
                .isEqualTo(1_600_000);
    }

    @Test
    void aRewriteThatFailsAbandonsThatClipNotTheVideo() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(2, Outcome.REFUSE);
        h.writer.rewriteFailure.set(ProviderException.refused("fake-llm", ErrorCategory.USAGE_GUIDELINES, "blocked"));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.ABANDONED);
        assertThat(h.clips.submissions(2)).isEqualTo(1);
        assertThat(h.video(id).delivered().missingBlocks()).containsExactly(2);
    }

    @Test
    void aQuotaThatNeverRecoversEndsTheVideoAtTheAssemblyDeadlineSayingSo() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.clips.plan(1, forever(Outcome.RATE_LIMIT_AT_SUBMIT));
        h.clips.plan(2, forever(Outcome.RATE_LIMIT_AT_SUBMIT));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(h.video(id).failureReason()).contains("try again after the provider's quota resets");
        assertThat(failedAfter(id)).as("the last relaunches fall inside the lead time before the deadline")
                .isBetween(Duration.ofMinutes(18), Duration.ofMinutes(21));
        assertThat(h.clips.submissions()).as("23 s apart for 20 min, two blocks").isLessThanOrEqualTo(2 * (20 * 60 / 23 + 2));
    }

    @Test
    void aQuotaThatNeverRecoversStopsTheVideoWithinTheBoundedWait() {
        h = PipelineHarness.inMemory(dir, s -> s.withAssemblyTimeout(Duration.ofHours(2)), 8, 8);
        h.clips.plan(1, forever(Outcome.RATE_LIMIT_AT_SUBMIT));
        h.clips.plan(2, forever(Outcome.RATE_LIMIT_AT_SUBMIT));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(h.video(id).failureReason()).contains("rate limited for 30 min in a row",
                "try again after the provider's quota resets");
        assertThat(failedAfter(id)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
        assertThat(h.clips.submissions()).as("23 s apart for 30 min, two blocks").isLessThanOrEqualTo(2 * (30 * 60 / 23 + 2));
        System.out.printf("never-recovering quota: %d submits over two blocks, each answered 429 (booked $0), video failed after %s%n",
                h.clips.submissions(), failedAfter(id));

        h.clips.plan(1, Outcome.SUCCEED);
        h.clips.plan(2, Outcome.SUCCEED);
        h.control.retry(id);
        h.runToEnd();
        assertThat(h.video(id).status()).as("resumable later, nothing lost").isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.writer.writes.get()).isEqualTo(1);
    }

    @Test
    void aDeadModelStopsTheVideoBeforeAnythingIsPaid() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.preflight.failure = new ProviderException(ProviderException.Kind.PERMANENT, "gemini", ErrorCategory.MODEL_UNAVAILABLE,
                "veo-3.1-fast-generate-preview is no longer available; set REELFORGE_CLIP_PROVIDER=omni", null, null);
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.MODEL_UNAVAILABLE);
        assertThat(h.video(id).failureReason()).contains("REELFORGE_CLIP_PROVIDER");
        assertThat(h.writer.writes.get()).isZero();
        assertThat(h.clips.submissions()).isZero();
        assertThat(h.costs(id)).isEmpty();
    }

    @Test
    void theBudgetCountsGenerationsStillRunningAndKeepsWhatWasPaidFor() {
        h = PipelineHarness.inMemory(dir, 8, 8, 8);
        VideoId id = h.submit(VideoRequest.of("x").withDuration(24).withBudget(new java.math.BigDecimal("1.70")));
        h.runToEnd();

        assertThat(h.clips.submissions()).as("two clips of $0.80 in flight, a third would pass $1.70").isEqualTo(2);
        assertThat(h.clip(id, 3).status()).isEqualTo(ClipStatus.ABANDONED);
        assertThat(h.clip(id, 3).submissions()).isZero();
        assertThat(h.clip(id, 3).errorCategory()).isEqualTo(ErrorCategory.BUDGET_EXCEEDED);
        assertThat(h.video(id).status()).as("the two clips paid for are delivered").isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).delivered().missingBlocks()).containsExactly(3);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message()).contains("over the budget of $1.70"));
    }

    @Test
    void aBudgetTooSmallForAnyClipFailsTheVideoSayingSo() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = h.submit(VideoRequest.of("x").withDuration(16).withBudget(new java.math.BigDecimal("0.50")));
        h.runToEnd();

        assertThat(h.clips.submissions()).isZero();
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.BUDGET_EXCEEDED);
    }

    @Test
    void messagesSayTheConfiguredRetriesAndDurationsAsSet() {
        h = PipelineHarness.inMemory(dir, s -> new PipelineSettings(s.maxJobRetries(), 5, s.firstPoll(), s.pollInterval(),
                Duration.ofSeconds(45), s.assemblyTimeout(), s.monitorInterval(), s.jobRetryDelay(), s.rateLimitWait(),
                s.defaultBudgetUsd(), s.rateLimitMaxWait(), s.assemblyLeadTime(), 0, null), 8, 8);
        h.clips.plan(1, Outcome.STUCK, Outcome.FAIL, Outcome.SUCCEED);
        VideoId id = twoBlocks();
        h.runToEnd();

        List<String> messages = h.events(id).stream().map(VideoEvent::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("still running after 45 s"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("(retry 2/5 next)"));
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains("0 min"));
    }

    @Test
    void aStepCutShortByTheNodesShutdownIsHandedBackWithoutCountingARetry() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.assembly.renderFailure.set(new org.reelforge.media.MediaException("interrupted while trying to render",
                new InterruptedException()));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.assembly.renders.get()).as("the cut render ran again").isEqualTo(2);
        assertThat(h.video(id).attempts()).as("a shutdown is not the video's failure").isZero();
        assertThat(h.events(id)).noneSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.JOB_FAILED));
        assertThat(h.clips.submissions()).isEqualTo(2);
    }

    @Test
    void errorsMetOnTheWayAreClearedWhenTheVideoCompletes() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.assembly.renderFailure.set(new org.reelforge.media.MediaException("ffmpeg failed to render (exit 1)\n/tmp/x.mp4: boom"));
        VideoId id = twoBlocks();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).failureReason()).isNull();
        assertThat(h.video(id).errorCategory()).isNull();
        assertThat(h.eventTypes(id)).contains("job_failed");
    }

    @Test
    void anchoredBlocksWaitForBlockOneAndCarryItsKeyFrame() {
        h = PipelineHarness.inMemory(dir, 8, 8, 8);
        VideoId id = h.submit(VideoRequest.of("x").withDuration(24).withClipStrategy(ClipStrategy.ANCHORED));
        h.runToEnd();

        var received = h.clips.received();
        assertThat(received.get(0).blockIndex()).isEqualTo(1);
        assertThat(received.get(0).referenceImage()).isEmpty();
        assertThat(received.subList(1, 3)).extracting(r -> r.blockIndex()).containsExactlyInAnyOrder(2, 3);
        assertThat(received.subList(1, 3)).allSatisfy(r -> assertThat(r.referenceImage()).isPresent());
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void extendChainsPastTheModelsLimitStartAgainFromTheLastFrame() {
        h = PipelineHarness.inMemory(dir, 8, 8, 8);
        h.clips.extensionLimit(20);
        VideoId id = h.submit(VideoRequest.of("x").withDuration(24).withClipStrategy(ClipStrategy.EXTEND));
        h.runToEnd();

        var received = h.clips.received();
        assertThat(received.get(0).extendFrom()).isEmpty();
        assertThat(received.get(1).extendFrom()).as("8 + 8 s fits in 20 s").isPresent();
        assertThat(received.get(2).extendFrom()).as("16 + 8 s does not").isEmpty();
        assertThat(received.get(2).firstFrame()).as("a new chain from block 2's last frame").isPresent();
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    private static Outcome[] forever(Outcome outcome) {
        Outcome[] plan = new Outcome[500];
        java.util.Arrays.fill(plan, outcome);
        return plan;
    }

    private Duration failedAfter(VideoId id) {
        Instant failed = h.events(id).stream().filter(e -> e.type() == EventType.FAILED).findFirst().orElseThrow().at();
        return Duration.between(PipelineHarness.START, failed);
    }

    private List<CostEntry> clipLines(VideoId id, int block) {
        return h.costs(id).stream().filter(e -> e.kind() == CostEntry.Kind.SPENT && e.blockIndex() == block).toList();
    }
}

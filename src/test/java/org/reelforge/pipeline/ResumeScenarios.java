package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.CostEntry;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Mode;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/** Seed 001 (smart queue with resume) and the job-level rules of SPEC §2, in simulated time. */
abstract class ResumeScenarios {
    @TempDir
    Path dir;
    PipelineHarness h;

    /** The engine the scenarios run on, with runs in memory or in a database, and the script's block lengths. */
    abstract PipelineHarness harness(Path dir, int... blockDurations);

    @BeforeEach
    void setUp() {
        h = harness(dir, 6, 6);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private VideoId narrated() {
        return h.submit(VideoRequest.of("La Révolution française").withDuration(12).withMode(Mode.NARRATED));
    }

    @Test
    void failureAtTheVideoStepResumesAtTheVideoStep() {
        h.clips.failNextPoll(new IllegalStateException("connection to the clip store lost"));
        VideoId id = narrated();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).attempts()).isEqualTo(1);
        assertThat(h.writer.writes.get()).isEqualTo(1);
        assertThat(h.writer.adapts.get()).isEqualTo(1);
        assertThat(h.speech.calls.get()).isEqualTo(2);
        assertThat(h.clips.submissions()).isEqualTo(2);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message())
                .contains("skipping script generation (already done)", "skipping script adaptation (already done)",
                        "skipping audio generation (already done)"));
        assertThat(CostLedger.total(h.costs(id), CostEntry.Kind.SAVED)).isPositive();
    }

    @Test
    void failureAtTheAudioStepResumesAtTheAudioStep() {
        h.speech.failure.set(ProviderException.transientError("fake-tts", "503 system_busy", null));
        VideoId id = narrated();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.writer.writes.get()).isEqualTo(1);
        assertThat(h.writer.adapts.get()).isEqualTo(1);
        assertThat(h.speech.calls.get()).isEqualTo(3);
        assertThat(h.events(id)).anySatisfy(e -> assertThat(e.message()).startsWith("Resuming at audio"));
    }

    @Test
    void failureAtTheScriptStepStartsOver() {
        h.writer.writeFailure.set(ProviderException.transientError("fake-llm", "500 INTERNAL", null));
        VideoId id = narrated();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.writer.writes.get()).isEqualTo(2);
        assertThat(h.video(id).attempts()).isEqualTo(1);
        assertThat(h.eventTypes(id)).doesNotContain("resumed");
    }

    @Test
    void jobFailingFourTimesIsFailedAfterThreeRetriesWithItsReasonKept() {
        h.assembly.renderFailure.set(new org.reelforge.media.MediaException("ffmpeg exited 1: Invalid data found"), 4);
        VideoId broken = h.submit(VideoRequest.of("y").withDuration(12));
        h.runToEnd();

        assertThat(h.assembly.renders.get()).isEqualTo(4);
        assertThat(h.video(broken).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(broken).attempts()).isEqualTo(3);
        assertThat(h.video(broken).errorCategory()).isEqualTo(ErrorCategory.ASSEMBLY_FAILED);
        assertThat(h.video(broken).failureReason()).contains("Failed after 3 retries", "assembly", "Invalid data found");
        assertThat(h.video(broken).lastSuccessfulStep()).isEqualTo(CompletedStep.CLIPS_GENERATED);
        assertThat(h.clips.submissions()).isEqualTo(2);
    }

    @Test
    void assembledVideoProcessedAgainDoesNothing() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.runToEnd();
        int events = h.events(id).size();

        assertThat(h.engine.advance(id)).isEmpty();
        assertThat(h.events(id)).hasSize(events);
        assertThat(h.assembly.renders.get()).isEqualTo(1);
    }

    @Test
    void refusedScriptFailsTheVideoAndStillBooksTheTokensItCost() {
        h.writer.writeFailure.set(ProviderException.refused("fake-llm", ErrorCategory.USAGE_GUIDELINES, "SAFETY")
                .withCalls(java.util.List.of(new org.reelforge.provider.ProviderCall("fake-llm", "script", 2000, "output_token"))));
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
        assertThat(h.costs(id)).singleElement().satisfies(c -> {
            assertThat(c.units()).isEqualTo(2000.0);
            assertThat(c.amountMicroUsd()).isEqualTo(20_000);
        });
    }

    @Test
    void rateLimitedScriptWaitsWithoutUsingARetry() {
        h.writer.writeFailure.set(ProviderException.rateLimited("fake-llm", "429", Duration.ofSeconds(40)));
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).attempts()).isZero();
        assertThat(h.writer.writes.get()).isEqualTo(2);
    }

    @Test
    void budgetStopsBeforeTheCallThatWouldOverspendAndDeliversWhatWasPaidFor() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12).withBudget(new BigDecimal("0.70")));
        h.runToEnd();

        assertThat(h.clips.submissions()).isEqualTo(1);
        assertThat(h.clip(id, 2).errorCategory()).isEqualTo(ErrorCategory.BUDGET_EXCEEDED);
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.video(id).delivered().missingBlocks()).containsExactly(2);
        assertThat(CostLedger.total(h.costs(id), CostEntry.Kind.SPENT)).isLessThanOrEqualTo(new BigDecimal("0.70"));
    }

    @Test
    void extendModeSubmitsBlocksOneAfterAnotherEachExtendingThePrevious() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12).withClipStrategy(ClipStrategy.EXTEND));
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.received()).hasSize(2);
        assertThat(h.clips.received().get(0).extendFrom()).isEmpty();
        assertThat(h.clips.received().get(1).extendFrom()).contains(h.clip(id, 1).resultRef());
        assertThat(h.clip(id, 2).createdAt()).isAfterOrEqualTo(h.clip(id, 1).updatedAt());
    }

    @Test
    void submissionInterruptedByACrashIsRelaunchedAndCounted() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.engine.advance(id);
        org.reelforge.video.VideoRun run = h.run(id);
        run.saveClip(org.reelforge.video.ClipOperation.intent(id, 1, "p", "fake-veo",
                        new org.reelforge.video.Charge("fake-veo", org.reelforge.video.BilledOperation.CLIP, 6,
                                org.reelforge.video.BillingUnit.SECOND, 600_000, null, true), "720p", "d", h.clock.instant()),
                org.reelforge.video.EventType.CLIP_SUBMITTING, "crash right after this", java.util.List.of(), h.clock.instant());
        h.runs.save(run);
        h.runToEnd();

        assertThat(h.eventTypes(id)).contains("clip_submission_ambiguous");
        assertThat(h.clip(id, 1).status()).isEqualTo(ClipStatus.SUCCESS);
        assertThat(h.clip(id, 1).retryCount()).isEqualTo(1);
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void reRollingOneBlockRegeneratesOnlyThatClipAndReassembles() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.runToEnd();
        h.control.regenerateBlock(id, 2);
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions(1)).isEqualTo(1);
        assertThat(h.clips.submissions(2)).isEqualTo(2);
        assertThat(h.clip(id, 2).retryCount()).isZero();
        assertThat(h.assembly.renders.get()).isEqualTo(2);
        assertThat(h.writer.writes.get()).isEqualTo(1);
    }

    @Test
    void cancelledVideoStopsAndCanBeRetried() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.control.cancel(id);
        h.runToEnd();
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(h.clips.submissions()).isZero();
        assertThat(h.writer.writes.get()).isZero();
        assertThatThrownBy(() -> h.control.resetClip(id, 1)).isInstanceOf(org.reelforge.video.NotFoundException.class);

        h.control.retry(id);
        h.runToEnd();
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.writer.writes.get()).isEqualTo(1);
    }

    @Test
    void monitorRestoresALostRunAndFinishesTheVideo() {
        VideoId id = h.submit(VideoRequest.of("x").withDuration(12));
        h.engine.advance(id);
        h.engine.advance(id);
        h.jobs.remove(id);
        h.clock.advance(Duration.ofMinutes(1));

        MonitorReport report = h.monitor.checkAndRetry();
        h.runToEnd();

        assertThat(report.videosChecked()).isEqualTo(1);
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions()).isEqualTo(2);
    }
}

package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.pipeline.FakeClipGenerator.Outcome;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/** The four scenarios of seed 000 (clip retry system), in simulated time on the real engine and SQLite. */
abstract class ClipRetryScenarios {
    @TempDir
    Path dir;
    PipelineHarness h;

    /** The engine the scenarios run on, with runs in memory or in a database, and the script's block lengths. */
    abstract PipelineHarness harness(Path dir, int... blockDurations);

    @BeforeEach
    void setUp() {
        h = harness(dir, 8, 8, 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private VideoId submit() {
        return h.submit(VideoRequest.of("Les volcans").withDuration(24));
    }

    @Test
    void clipThatFailsAtSubmitIsRelaunchedAndTheVideoCompletes() {
        h.clips.plan(2, Outcome.FAIL_AT_SUBMIT);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 2).retryCount()).isEqualTo(1);
        assertThat(h.clip(id, 2).submissions()).isEqualTo(2);
        assertThat(h.clips.submissions()).isEqualTo(4);
        assertThat(h.assembly.lastInputs).hasSize(3);
        assertThat(h.eventTypes(id)).contains("clip_failed", "completed");
    }

    @Test
    void stuckClipIsCheckedAfterFifteenMinutesAndRelaunched() {
        h.clips.plan(1, Outcome.STUCK, Outcome.SUCCEED);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 1).retryCount()).isEqualTo(1);
        assertThat(h.clips.submissions(1)).isEqualTo(2);
        assertThat(h.clips.received().get(3).blockIndex()).isEqualTo(1);
        assertThat(h.events(id)).anySatisfy(e -> {
            assertThat(e.type().wireName()).isEqualTo("clip_timed_out");
            assertThat(Duration.between(PipelineHarness.START, e.at())).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(16));
        });
    }

    @Test
    void clipThatNeverSucceedsIsAbandonedAfterThreeRetriesAndTheVideoIsAssembledWithoutIt() {
        h.clips.plan(2, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.SUCCEED);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.ABANDONED);
        assertThat(h.clip(id, 2).retryCount()).isEqualTo(3);
        assertThat(h.clips.submissions(2)).isEqualTo(4);
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.assembly.lastInputs).extracting(i -> i.blockIndex()).containsExactly(1, 3);
        assertThat(h.tracking(id)).get().satisfies(t -> {
            assertThat(t.status()).as("assembled because the missing clip was abandoned, not because the wait ran out")
                    .isEqualTo(AssemblyTracking.Status.ABANDONED_ASSEMBLY);
            assertThat(t.expectedClips()).isEqualTo(3);
            assertThat(t.foundClips()).isEqualTo(2);
        });
    }

    @Test
    void missingClipHoldsTheAssemblyTwentyMinutesAtMost() {
        h.clips.plan(3, Outcome.STUCK, Outcome.STUCK, Outcome.STUCK, Outcome.STUCK);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 3).status()).isEqualTo(ClipStatus.ABANDONED);
        AssemblyTracking t = h.tracking(id).orElseThrow();
        assertThat(t.status()).isEqualTo(AssemblyTracking.Status.TIMEOUT_ASSEMBLY);
        Instant assembled = h.events(id).stream().filter(e -> e.type().wireName().equals("assembly_started")).findFirst().orElseThrow().at();
        assertThat(Duration.between(t.firstDetectedAt(), assembled)).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(21));
        assertThat(h.clips.submissions(3)).isEqualTo(2);
    }

    @Test
    void allClipsSucceedingAreAssembledAtOnce() {
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions()).isEqualTo(3);
        assertThat(h.clipRows(id)).allSatisfy(c -> assertThat(c.retryCount()).isZero());
        Instant lastClip = h.events(id).stream().filter(e -> e.type().wireName().equals("clip_succeeded")).reduce((a, b) -> b).orElseThrow().at();
        Instant assembled = h.events(id).stream().filter(e -> e.type().wireName().equals("assembly_started")).findFirst().orElseThrow().at();
        assertThat(assembled).isEqualTo(lastClip);
        assertThat(h.tracking(id)).get().extracting(AssemblyTracking::status).isEqualTo(AssemblyTracking.Status.COMPLETED);
    }

    @Test
    void aFinishedClipIsNoticedWithinSecondsNotAtTheNextMinute() {
        h.clips.latency(Duration.ofSeconds(25));
        VideoId id = submit();
        h.runToEnd();

        Instant firstSuccess = h.events(id).stream().filter(e -> e.type().wireName().equals("clip_succeeded")).findFirst().orElseThrow().at();
        assertThat(Duration.between(PipelineHarness.START, firstSuccess)).isLessThanOrEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void refusedClipGetsItsPromptRewrittenOnceAndIsNotResubmittedBlindly() {
        h.clips.plan(1, Outcome.REFUSE, Outcome.SUCCEED);
        h.clips.plan(2, Outcome.REFUSE, Outcome.REFUSE, Outcome.SUCCEED);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.clip(id, 1).status()).isEqualTo(ClipStatus.SUCCESS);
        assertThat(h.clip(id, 1).prompt()).as("the rewritten block keeps the style guide")
                .startsWith("a calm abstract scene in soft blue").contains("Style guide: ");
        assertThat(h.run(id).requireScript().block(1).visualPrompt()).isEqualTo("a calm abstract scene in soft blue");
        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.ABANDONED);
        assertThat(h.clip(id, 2).errorCategory()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
        assertThat(h.clips.submissions(2)).isEqualTo(2);
        assertThat(h.writer.rewrites.get()).isEqualTo(2);
        assertThat(h.clips.received().stream().filter(r -> r.blockIndex() == 1).map(r -> r.prompt()).distinct()).hasSize(2);
    }

    @Test
    void rateLimitedSubmissionWaitsAsAskedAndDoesNotUseUpARetry() {
        h.clips.plan(1, Outcome.RATE_LIMIT_AT_SUBMIT, Outcome.RATE_LIMIT_AT_SUBMIT, Outcome.RATE_LIMIT_AT_SUBMIT,
                Outcome.RATE_LIMIT_AT_SUBMIT, Outcome.SUCCEED);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 1).retryCount()).isZero();
        assertThat(h.clips.submissions(1)).isEqualTo(5);
        assertThat(h.events(id).stream().filter(e -> e.type().wireName().equals("clip_rate_limited")))
                .hasSize(4).allSatisfy(e -> assertThat(e.message()).contains("not counted as a retry"));
    }

    @Test
    void permanentProviderErrorFailsTheVideoFastWithTheReason() {
        h.clips.plan(1, Outcome.PERMANENT_AT_SUBMIT);
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).failureReason()).contains("API key not valid");
        assertThat(h.video(id).attempts()).isZero();
    }

    @Test
    void noClipAtAllFailsTheVideoWithAClearReason() {
        for (int b = 1; b <= 3; b++) {
            h.clips.plan(b, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL);
        }
        VideoId id = submit();
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(h.video(id).errorCategory()).isEqualTo(ErrorCategory.NO_CLIPS);
        assertThat(h.video(id).failureReason()).contains("No clip could be generated", "block 1 abandoned after 4 submission(s)");
        assertThat(h.assembly.renders.get()).isZero();
        assertThat(h.clips.submissions()).isEqualTo(12);
    }

    @Test
    void abandonedClipResetByAPersonIsRelaunchedAndTheVideoReassembled() {
        h.clips.plan(2, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.SUCCEED);
        VideoId id = submit();
        h.runToEnd();
        assertThat(h.assembly.lastInputs).hasSize(2);

        h.control.resetClip(id, 2);
        assertThat(h.clip(id, 2).retryCount()).isZero();
        h.runToEnd();

        assertThat(h.clip(id, 2).status()).isEqualTo(ClipStatus.SUCCESS);
        assertThat(h.clip(id, 2).retryCount()).isZero();
        assertThat(h.clips.submissions(1)).isEqualTo(1);
        assertThat(h.assembly.lastInputs).hasSize(3);
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.tracking(id).orElseThrow().status()).isEqualTo(AssemblyTracking.Status.COMPLETED);
    }
}

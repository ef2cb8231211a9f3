package org.reelforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reelforge.pipeline.ConcurrentUpdateException;
import org.reelforge.pipeline.VideoLibrary;
import org.reelforge.pipeline.VideoRuns;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.BilledOperation;
import org.reelforge.video.BillingUnit;
import org.reelforge.video.Block;
import org.reelforge.video.Charge;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CostEntry;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;
import org.reelforge.video.EventType;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * What every {@link VideoRuns} and {@link VideoLibrary} must do, run on each implementation: in memory, SQLite and
 * PostgreSQL. A run saved is the run loaded; a stale save is refused and writes nothing; histories keep commit order.
 */
abstract class VideoRunsContract {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Charge QUOTE = new Charge("veo-3.1-fast-generate-001", BilledOperation.CLIP, 8, BillingUnit.SECOND,
            800_000, null, true);
    private int counter;

    /** A store both interfaces are implemented by (the same object), empty. */
    abstract <S extends VideoRuns & VideoLibrary> S store();

    private VideoRun created(VideoRuns runs, String owner, Instant at) {
        VideoId id = new VideoId("vid_20261201_100000_" + "abcdefghjk".charAt(counter % 10) + "x" + (1000 + counter++));
        VideoRun run = VideoRun.create(Video.create(id, owner, VideoRequest.of("Les volcans").withDuration(16), at), "queued");
        runs.save(run);
        return run;
    }

    private static Script script() {
        return new Script("Volcans", "warm light", List.of(new Block(1, 8, "lava", "Voici la lave.", null, List.of("lave")),
                new Block(2, 8, "ash", "Et la cendre.", "Cendre")));
    }

    @Test
    void aSavedRunIsTheRunLoaded() {
        var store = store();
        VideoRun run = created(store, "alice", T0);
        Instant t1 = T0.plusSeconds(5);
        run.saveScript(VideoRun.ScriptKind.ORIGINAL, script());
        run.update(run.video().markStepDone(Step.SCRIPT, VideoStatus.SCRIPT_GENERATED, t1).withBlocks(2, 0, 0, t1),
                EventType.SCRIPT_GENERATED, "script");
        ClipOperation intent = ClipOperation.intent(run.id(), 1, "lava\n\nStyle guide: warm light", "veo", QUOTE, "720p",
                "abc123", t1);
        run.saveClip(intent, EventType.CLIP_SUBMITTING, "submitting", List.of(), t1);
        run.saveClip(intent.markPending("operations/1", t1, t1.plusSeconds(10)), EventType.CLIP_SUBMITTED, "submitted",
                List.of(CostEntry.spent(run.id(), t1, QUOTE.notCharged("refused: not charged"), 1)), t1);
        run.saveTracking(AssemblyTracking.firstSeen(run.id(), 2, 0, t1));
        store.save(run);

        VideoRun loaded = store.load(run.id()).orElseThrow();
        assertThat(loaded.video()).isEqualTo(run.video());
        assertThat(loaded.video().version()).isEqualTo(1);
        assertThat(loaded.requireScript()).isEqualTo(script());
        assertThat(loaded.requireScript().block(1).emphasis()).containsExactly("lave");
        assertThat(loaded.clip(1)).contains(run.clip(1).orElseThrow());
        assertThat(loaded.clip(1).orElseThrow().quote()).isEqualTo(QUOTE);
        assertThat(loaded.tracking()).isEqualTo(run.tracking());
        assertThat(loaded.costs()).singleElement().satisfies(e -> {
            assertThat(e.charge().charged()).isFalse();
            assertThat(e.amountMicroUsd()).isZero();
            assertThat(e.charge().note()).isEqualTo("refused: not charged");
            assertThat(e.blockIndex()).isEqualTo(1);
        });
        assertThat(store.events(run.id(), 0, 100)).extracting(VideoEvent::type).containsExactly(EventType.QUEUED,
                EventType.SCRIPT_GENERATED, EventType.CLIP_SUBMITTING, EventType.CLIP_SUBMITTED);
        assertThat(loaded.changes().isEmpty()).isTrue();
    }

    @Test
    void aStaleSaveIsRefusedAndWritesNothing() {
        var store = store();
        VideoRun first = created(store, "alice", T0);
        VideoRun second = store.load(first.id()).orElseThrow();
        first.update(first.video().markCancelled(T0.plusSeconds(1)), EventType.CANCELLED, "cancelled");
        store.save(first);

        second.record(EventType.RESUME_REQUESTED, "too late", T0.plusSeconds(2));
        second.book(List.of(CostEntry.spent(second.id(), T0, QUOTE)));
        assertThatThrownBy(() -> store.save(second)).isInstanceOf(ConcurrentUpdateException.class);

        VideoRun now = store.load(first.id()).orElseThrow();
        assertThat(now.video().status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(now.costs()).isEmpty();
        assertThat(store.events(first.id(), 0, 100)).extracting(VideoEvent::type)
                .containsExactly(EventType.QUEUED, EventType.CANCELLED);
    }

    @Test
    void aRunWithoutChangesWritesNothing() {
        var store = store();
        VideoRun run = created(store, "alice", T0);
        VideoRun loaded = store.load(run.id()).orElseThrow();
        store.save(loaded);
        assertThat(store.load(run.id()).orElseThrow().video().version()).isZero();
    }

    @Test
    void clipsScriptsAndTrackingCanBeReplacedAndRemoved() {
        var store = store();
        VideoRun run = created(store, "alice", T0);
        run.saveScript(VideoRun.ScriptKind.ORIGINAL, script());
        run.saveClip(ClipOperation.intent(run.id(), 1, "p", "veo", QUOTE, "720p", "d", T0), EventType.CLIP_SUBMITTING,
                "s", List.of(), T0);
        run.saveTracking(AssemblyTracking.firstSeen(run.id(), 2, 0, T0));
        store.save(run);

        VideoRun again = store.load(run.id()).orElseThrow();
        again.saveClip(again.clip(1).orElseThrow().markFailed("boom", ErrorKind.TRANSIENT, ErrorCategory.DEFAULT, T0, T0),
                EventType.CLIP_FAILED, "f", List.of(), T0);
        again.restartAssemblyWait();
        again.saveScript(VideoRun.ScriptKind.ADAPTED, script().withBlock(script().block(2).withSpokenText("Et puis la cendre.")));
        store.save(again);
        VideoRun loaded = store.load(run.id()).orElseThrow();
        assertThat(loaded.clip(1).orElseThrow().status()).isEqualTo(ClipStatus.FAILED);
        assertThat(loaded.clip(1).orElseThrow().lastErrorKind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(loaded.tracking()).isEmpty();
        assertThat(loaded.requireScript().block(2).spokenText()).as("the adapted script is current").isEqualTo("Et puis la cendre.");
        assertThat(loaded.original()).contains(script());

        loaded.dropClips();
        loaded.record(EventType.SCRIPT_EDITED, "edited", T0);
        store.save(loaded);
        assertThat(store.load(run.id()).orElseThrow().clips()).isEmpty();
    }

    @Test
    void theLibraryPagesNewestFirstAndFiltersByOwnerAndStatus() {
        var store = store();
        VideoRun a = created(store, "alice", T0);
        VideoRun b = created(store, "bob", T0.plusSeconds(1));
        VideoRun c = created(store, "alice", T0.plusSeconds(2));
        c.update(c.video().markCancelled(T0.plusSeconds(3)), EventType.CANCELLED, "x");
        store.save(c);

        assertThat(store.page(null, null, 0, 10)).extracting(Video::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(store.page("alice", null, 0, 10)).extracting(Video::id).containsExactly(c.id(), a.id());
        assertThat(store.page(null, VideoStatus.CANCELLED, 0, 10)).extracting(Video::id).containsExactly(c.id());
        assertThat(store.page(null, null, 1, 1)).extracting(Video::id).containsExactly(b.id());
        assertThat(store.count("alice", null)).isEqualTo(2);
        assertThat(store.video(b.id())).map(Video::owner).contains("bob");
        assertThat(store.unfinished()).containsExactly(a.id(), b.id());
    }

    @Test
    void historiesKeepCommitOrderAndTheirMarksMoveWithEveryEvent() {
        var store = store();
        VideoRun a = created(store, "alice", T0);
        VideoRun b = created(store, "alice", T0);
        for (int i = 0; i < 4; i++) {
            a.record(EventType.CLIP_FAILED, "event " + i, T0.plusSeconds(i));
            store.save(a);
        }
        List<VideoEvent> all = store.events(a.id(), 0, 100);
        assertThat(all).hasSize(5);
        assertThat(all).extracting(VideoEvent::id).isSorted().doesNotHaveDuplicates();
        assertThat(store.events(a.id(), all.get(2).id(), 100)).extracting(VideoEvent::message)
                .containsExactly("event 2", "event 3");
        assertThat(store.latestEvents(a.id(), 2)).extracting(VideoEvent::message).containsExactly("event 2", "event 3");

        var before = store.eventMarks(Set.of(a.id(), b.id()));
        b.record(EventType.CANCELLED, "late", T0);
        store.save(b);
        var after = store.eventMarks(Set.of(a.id(), b.id()));
        assertThat(after.get(a.id())).isEqualTo(before.get(a.id()));
        assertThat(after.get(b.id())).isNotEqualTo(before.get(b.id()));
        assertThat(after.get(b.id()).events()).isEqualTo(2);
    }

    @Test
    void inFlightClipsAreCountedPerProviderOverUnfinishedVideos() {
        var store = store();
        VideoRun a = created(store, "alice", T0);
        VideoRun b = created(store, "alice", T0);
        for (VideoRun r : List.of(a, b)) {
            r.saveClip(ClipOperation.intent(r.id(), 1, "p", "omni", QUOTE, "720p", "d", T0), EventType.CLIP_SUBMITTING, "s",
                    List.of(), T0);
            r.saveClip(ClipOperation.intent(r.id(), 2, "p", "omni", QUOTE, "720p", "d", T0).markPending("op", T0, T0),
                    EventType.CLIP_SUBMITTED, "s", List.of(), T0);
            r.saveClip(ClipOperation.intent(r.id(), 3, "p", "veo", QUOTE, "720p", "d", T0), EventType.CLIP_SUBMITTING, "s",
                    List.of(), T0);
            store.save(r);
        }
        assertThat(store.inFlightClips("omni")).isEqualTo(4);
        assertThat(store.inFlightClips("veo")).isEqualTo(2);
        b.update(b.video().markCancelled(T0), EventType.CANCELLED, "x");
        store.save(b);
        assertThat(store.inFlightClips("omni")).as("a cancelled video's operations no longer count").isEqualTo(2);
    }

    @Test
    void aDeletedVideoLeavesNothing() {
        var store = store();
        VideoRun run = created(store, "alice", T0);
        run.book(List.of(CostEntry.spent(run.id(), T0, QUOTE)));
        store.save(run);
        store.delete(run.id());
        assertThat(store.load(run.id())).isEmpty();
        assertThat(store.events(run.id(), 0, 10)).isEmpty();
        assertThat(store.unfinished()).doesNotContain(run.id());
    }

    @Test
    void whatWasDeliveredAndTheApprovalSurviveTheRoundTrip() {
        var store = store();
        VideoRun run = created(store, "alice", T0);
        Video.Delivered d = new Video.Delivered(15_960, 1, List.of(2), -14.2,
                List.of(new Video.SpeechMatch(1, 0.42, "voici la lave")));
        run.update(run.video().markRateLimited(T0), EventType.RATE_LIMITED, "429");
        store.save(run);
        assertThat(store.load(run.id()).orElseThrow().video().rateLimitedSince()).isEqualTo(T0);
        run.saveScript(VideoRun.ScriptKind.ORIGINAL, script());
        run.update(run.video().markStepDone(Step.SCRIPT, VideoStatus.SCRIPT_GENERATED, T0)
                .markRunning(Step.CLIPS, VideoStatus.GENERATING_CLIPS, T0).markStepDone(Step.CLIPS,
                        VideoStatus.READY_FOR_ASSEMBLY, T0).markRunning(Step.ASSEMBLY, VideoStatus.ASSEMBLING, T0)
                .markCompleted(d, T0), EventType.COMPLETED, "done");
        store.save(run);
        Video loaded = store.load(run.id()).orElseThrow().video();
        assertThat(loaded.delivered()).isEqualTo(d);
        assertThat(loaded.rateLimitedSince()).isNull();
        assertThat(loaded.delivered().partial()).isTrue();
        assertThat(loaded.delivered().speech().get(0).mismatched()).isTrue();
    }
}

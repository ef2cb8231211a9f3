package org.reelforge.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reelforge.cost.CostLedger;
import org.reelforge.media.Assembler;
import org.reelforge.media.MediaException;
import org.reelforge.provider.ProviderException;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.ConcurrentUpdateException;
import org.reelforge.store.VideoStore;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/**
 * The durable pipeline (SPEC §2): {@link #advance} loads a video, plans the step after its
 * {@code last_successful_step}, runs it, persists the outcome, and says when it wants to run again.
 * A failed job goes back in the queue (at most {@code maxJobRetries} times) to restart from that step.
 * Thread-safe; two workers advancing the same video are kept apart by the video's version.
 */
public final class Pipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pipeline.class);
    private final VideoStore store;
    private final Journal journal;
    private final JobQueue jobs;
    private final PipelineSettings settings;
    private final Clock clock;
    private final ScriptStep scriptStep;
    private final AudioStep audioStep;
    private final ClipSupervisor clips;
    private final AssemblyGate gate;
    private final AssemblyStep assembly;
    private final CostLedger ledger;
    private final Resumption resumption;

    public Pipeline(VideoStore store, ArtifactStore artifacts, Providers providers, Assembler assembler,
                    CaptionWriter captions, CostLedger ledger, PipelineSettings settings, Clock clock, JobQueue jobs) {
        this.store = store;
        this.journal = new Journal(store, clock);
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
        Budget budget = new Budget(store, ledger, settings.defaultBudgetUsd());
        this.scriptStep = new ScriptStep(providers.scriptWriter(), journal, artifacts, ledger, budget, clock);
        this.audioStep = new AudioStep(providers.speech(), journal, artifacts, ledger, clock);
        this.clips = new ClipSupervisor(providers, journal, artifacts, ledger, budget, settings, clock);
        this.gate = new AssemblyGate(settings, clock);
        this.assembly = new AssemblyStep(assembler, providers.transcriber(), captions, audioStep, artifacts);
        this.resumption = new Resumption(journal, ledger, providers.clips(), clock);
    }

    /** Records a new video (the server makes its id) and queues its first run. */
    public Video submit(VideoRequest request, String owner) {
        Video video = Video.create(VideoId.next(clock), owner, request, clock.instant());
        Video saved = store.inTransaction(tx -> {
            Video v = tx.insertVideo(video);
            tx.appendEvent(v.id(), clock.instant(), "queued", "Video queued: \"" + request.theme() + "\", "
                    + request.targetDurationSeconds() + " s, " + request.style().wireName() + ", " + request.language()
                    + ", " + request.mode().wireName() + ", " + request.clipStrategy().wireName());
            return v;
        });
        jobs.schedule(saved.id(), clock.instant());
        return saved;
    }

    /**
     * Runs the video's next step. Returns when it should run again; empty when it is done (completed, failed,
     * cancelled) or gone. Never throws for a failure of the video: that is recorded on the video.
     */
    public Optional<Instant> advance(VideoId id) {
        Optional<Video> found = store.read(tx -> tx.video(id));
        if (found.isEmpty() || found.get().status().isTerminal()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(run(found.get()));
        } catch (ConcurrentUpdateException e) {
            LOG.info("{}: another worker moved it first ({}); checking again shortly", id, e.getMessage());
            return Optional.of(clock.instant().plus(settings.pollInterval()));
        } catch (RuntimeException e) {
            return onFailure(id, e);
        }
    }

    private Instant run(Video video) {
        Video v = video.status() == VideoStatus.QUEUED && video.lastSuccessfulStep() != null
                ? resumption.resume(video) : video;
        Step step = v.startFrom();
        if (step == null) {
            return null;
        }
        switch (step) {
            case SCRIPT -> scriptStep.write(v);
            case ADAPT -> scriptStep.adapt(v);
            case AUDIO -> audioStep.run(v, script(v));
            case CLIPS -> {
                return clips(v);
            }
            case ASSEMBLY -> {
                assemble(v);
                return null;
            }
        }
        return clock.instant();
    }

    private Script script(Video v) {
        return store.read(tx -> tx.currentScript(v.id()))
                .orElseThrow(() -> new IllegalStateException("video " + v.id() + " has no script"));
    }

    private Instant clips(Video video) {
        Script script = script(video);
        Video v = video;
        if (v.status() != VideoStatus.GENERATING_CLIPS) {
            Instant now = clock.instant();
            v = journal.commit(v.markRunning(Step.CLIPS, VideoStatus.GENERATING_CLIPS, now)
                            .withBlocks(script.blocks().size(), v.completedBlocks(), 1, now), "clips_started",
                    "Generating " + script.blocks().size() + " clips (" + v.request().clipStrategy().wireName() + ")");
        }
        ClipRound round = new ClipRound(journal, ledger, clock, v, script, store.read(tx -> tx.clips(video.id())));
        clips.tend(round);
        AssemblyGate.Decision decision = gate.decide(round, journal);
        if (decision instanceof AssemblyGate.Decision.Wait w) {
            return w.until();
        }
        if (decision instanceof AssemblyGate.Decision.NoClips n) {
            fail(round.video(), n.reason(), n.category());
            return null;
        }
        AssemblyGate.Decision.Assemble a = (AssemblyGate.Decision.Assemble) decision;
        String message = a.found() == a.expected() ? "All " + a.expected() + " clips ready"
                : "Assembling with " + a.found() + " of " + a.expected() + " clips";
        journal.commit(round.video().markStepDone(Step.CLIPS, VideoStatus.READY_FOR_ASSEMBLY, clock.instant()),
                "clips_generated", message);
        return clock.instant();
    }

    private void assemble(Video video) {
        Script script = script(video);
        Video v = journal.commit(video.markRunning(Step.ASSEMBLY, VideoStatus.ASSEMBLING, clock.instant()),
                "assembly_started", "Assembling, transcribing and captioning");
        List<ClipOperation> rows = store.read(tx -> tx.clips(video.id()));
        AssemblyStep.Result r = assembly.run(v, script, rows);
        int expected = script.blocks().size();
        boolean partial = r.clips() < expected;
        Instant now = clock.instant();
        journal.commit(v.markStepDone(Step.ASSEMBLY, VideoStatus.COMPLETED, now), "completed",
                String.format(java.util.Locale.ROOT, "final.mp4 ready: %d of %d blocks, %.1f s, %.1f LUFS, rendered in %.1f s",
                        r.clips(), expected, r.rendered().durationMillis() / 1000.0, r.rendered().integratedLufs(),
                        r.rendered().renderMillis() / 1000.0),
                tx -> {
                    ledger.spent(tx, v.id(), r.calls(), now);
                    AssemblyTracking t = tx.tracking(v.id())
                            .orElse(AssemblyTracking.firstSeen(v.id(), expected, r.clips(), now));
                    tx.saveTracking(t.markCompleted(r.clips(), partial, now));
                });
    }

    private Optional<Instant> onFailure(VideoId id, RuntimeException e) {
        Video v = store.read(tx -> tx.video(id)).orElse(null);
        if (v == null || v.status().isTerminal()) {
            return Optional.empty();
        }
        Step step = v.startFrom();
        String where = (step == null ? "pipeline" : step.wireName()) + ": ";
        ErrorCategory category = category(e, step);
        v = bookPaidCalls(v, e);
        if (e instanceof ProviderException pe && pe.kind() == ProviderException.Kind.RATE_LIMITED) {
            Instant at = clock.instant().plus(pe.retryAfter().orElse(settings.rateLimitWait()));
            journal.commit(v, "rate_limited", where + "rate limited, trying again at " + at + " (not counted as a retry)");
            return Optional.of(at);
        }
        if (!(e instanceof ProviderException) && !(e instanceof MediaException) && !(e instanceof BudgetExceededException)) {
            LOG.warn("{}: unexpected error in step {}", id, step, e);
        }
        boolean hopeless = e instanceof BudgetExceededException || (e instanceof ProviderException pe
                && (pe.kind() == ProviderException.Kind.PERMANENT || pe.kind() == ProviderException.Kind.REFUSED));
        if (hopeless || v.attempts() >= settings.maxJobRetries()) {
            String prefix = hopeless ? "" : "Failed after " + v.attempts() + " retries. Last error: ";
            fail(v, prefix + where + e.getMessage(), category);
            return Optional.empty();
        }
        Video requeued = v.markRequeued(where + e.getMessage(), category, clock.instant());
        journal.commit(requeued, "job_failed", where + e.getMessage() + " — retry " + requeued.attempts() + "/"
                + settings.maxJobRetries() + " will start from " + requeued.startFrom().wireName());
        Duration delay = settings.jobRetryDelay().multipliedBy(1L << Math.min(10, requeued.attempts() - 1));
        return Optional.of(clock.instant().plus(delay));
    }

    /** A failure can still have cost money (a refused LLM reply's tokens): those calls go to the ledger. */
    private Video bookPaidCalls(Video v, RuntimeException e) {
        if (!(e instanceof ProviderException pe) || pe.calls().isEmpty()) {
            return v;
        }
        return journal.commit(v, "calls_billed", pe.calls().size() + " call(s) to " + pe.provider()
                + " were billed although they failed", tx -> ledger.spent(tx, v.id(), pe.calls(), clock.instant()));
    }

    private static ErrorCategory category(RuntimeException e, Step step) {
        if (e instanceof BudgetExceededException) {
            return ErrorCategory.BUDGET_EXCEEDED;
        }
        if (e instanceof ProviderException pe) {
            return pe.category();
        }
        return step == Step.ASSEMBLY ? ErrorCategory.ASSEMBLY_FAILED : ErrorCategory.DEFAULT;
    }

    private void fail(Video v, String reason, ErrorCategory category) {
        journal.commit(v.markFailed(reason, category, clock.instant()), "failed", reason);
    }

    /**
     * Runs {@code listener} after every change this process commits (a step, a clip, an action), so progress
     * streams can look at once instead of at their next poll. Close the result to stop listening.
     */
    public AutoCloseable onChange(Runnable listener) {
        return journal.onChange(listener);
    }

    Journal journal() {
        return journal;
    }

    JobQueue jobs() {
        return jobs;
    }

    Clock clock() {
        return clock;
    }

    PipelineSettings settings() {
        return settings;
    }
}

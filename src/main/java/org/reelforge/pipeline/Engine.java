package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.reelforge.cost.CostLedger;
import org.reelforge.media.Assembler;
import org.reelforge.media.ClipInspector;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.Scratch;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.EventType;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.RetryPolicy;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * The durable pipeline (SPEC §2): {@link #advance} loads a video's run once, runs its steps from the one after its
 * {@code last_successful_step} for as long as they finish, and says when it wants to run again. Steps change the run
 * and return an outcome; the engine is the only class that commits (through {@link VideoRuns}, one versioned
 * transaction per change, with its events and ledger lines) and schedules (through the {@link JobQueue}).
 * A failed job goes back in the queue as {@link RetryPolicy} says. Thread-safe; two workers advancing the same video
 * are kept apart by the video's version.
 */
public final class Engine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);
    private final VideoRuns runs;
    private final JobQueue jobs;
    private final Providers providers;
    private final PipelineSettings settings;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Path dataDir;
    private final Steps steps;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<VideoId, String> unrecorded = new ConcurrentHashMap<>();
    private final Checkpoint checkpoint = new Checkpoint() {
        @Override
        public void commit(VideoRun run) {
            Engine.this.commit(run);
        }

        @Override
        public void commitAfterPaidCall(VideoRun run, Consumer<VideoRun> change) {
            Engine.this.commitAfterPaidCall(run, change);
        }
    };

    private Engine(VideoRuns runs, JobQueue jobs, Providers providers, Steps steps, PipelineSettings settings, Clock clock,
                   Path dataDir) {
        this.runs = runs;
        this.jobs = jobs;
        this.providers = providers;
        this.steps = steps;
        this.settings = settings;
        this.policy = settings.retryPolicy();
        this.clock = clock;
        this.dataDir = dataDir;
    }

    /** Wires an engine: its steps over the providers, the media tools and the stores. */
    public static Engine create(VideoRuns runs, JobQueue jobs, Providers providers, ArtifactStore store, Scratch scratch,
                                MediaTools media, CostLedger ledger, PipelineSettings settings, Clock clock) {
        Artifacts artifacts = new Artifacts(store, scratch);
        Budget budget = new Budget(ledger, settings.defaultBudgetUsd());
        AudioStep audio = new AudioStep(providers.speech(), artifacts, ledger, clock);
        Steps steps = new Steps(new ScriptStep(providers.scriptWriter(), providers.clips(), artifacts, ledger, budget, clock),
                audio, new ClipsStep(providers, runs, artifacts, media, ledger, budget, settings, clock),
                new AssemblyStep(media, providers.transcriber(), audio, artifacts, ledger, clock),
                new Resumption(ledger, clock), ledger, media, artifacts);
        return new Engine(runs, jobs, providers, steps, settings, clock, scratch.root());
    }

    /**
     * Records a new video (the server makes its id) and queues its first run.
     *
     * @throws InvalidRequestException when the request cannot be made with the configured clip model (a user script's
     *                                 block lengths, an extend chain too long for the model) — before anything is paid
     */
    public Video submit(VideoRequest request, String owner) {
        check(request);
        Video video = Video.create(VideoId.next(clock), owner, request, clock.instant());
        VideoRun run = VideoRun.create(video, "Video queued: \"" + request.theme() + "\", " + request.targetDurationSeconds()
                + " s, " + request.style().wireName() + ", " + request.language() + ", " + request.mode().wireName() + ", "
                + request.clipStrategy().wireName() + (request.review() ? ", script review" : "")
                + (request.draft() ? ", draft" : ""));
        commit(run);
        jobs.schedule(video.id(), clock.instant());
        return run.video();
    }

    /** Checks a request against what the clip model can make, naming the field and the rule. */
    public void check(VideoRequest request) {
        if (request.script() == null && !providers.scriptWriter().writes(request.language())) {
            throw new InvalidRequestException("language", "the script writer here (" + providers.scriptWriter().name()
                    + ") writes fr and en, not \"" + request.language().tag() + "\": set REELFORGE_GEMINI_API_KEY (Gemini)"
                    + " or REELFORGE_OPENAI_API_KEY / REELFORGE_OPENAI_BASE_URL (OpenAI, Ollama…), or give your own script");
        }
        steps.media().music().pick(request.output().music(), VideoId.next(clock));
        ClipCapabilities caps = providers.clips().capabilities();
        List<Integer> lengths;
        if (request.script() != null) {
            caps.requireLengths(request.script(), request.clipStrategy());
            lengths = request.script().blocks().stream().map(b -> b.durationSeconds()).toList();
        } else {
            lengths = caps.plan(request.targetDurationSeconds(), request.clipStrategy());
        }
        try {
            providers.clips().checkPlan(lengths, request.clipStrategy());
        } catch (org.reelforge.provider.ProviderException e) {
            throw new InvalidRequestException("clip_strategy", e.getMessage());
        }
    }

    /**
     * Runs the video's next steps. Returns when it should run again; empty when it is done (completed, failed,
     * cancelled), waits for a person, or is gone. Never throws for a failure of the video: that is recorded on it.
     */
    public Optional<Instant> advance(VideoId id) {
        try {
            Optional<VideoRun> found = runs.load(id);
            if (found.isEmpty() || found.get().video().status().isIdle()) {
                return Optional.empty();
            }
            Instant next = drive(found.get());
            unrecorded.remove(id);
            return Optional.ofNullable(next);
        } catch (ConcurrentUpdateException e) {
            LOG.info("{}: another worker or a person moved it first ({}); looking again shortly", id, e.getMessage());
            return Optional.of(clock.instant().plus(settings.pollInterval()));
        } catch (StorageException e) {
            String message = Failures.storageMessage(e, dataDir);
            LOG.error("{}: its state cannot be saved: {}", id, message);
            unrecorded.put(id, message);
            notifyListeners();
            return Optional.of(clock.instant().plus(settings.monitorInterval()));
        }
    }

    /**
     * Why the last run of {@code id} could not even record its failure (the database or disk cannot be written), so a
     * waiting command can say it instead of waiting forever; empty when its state is saved.
     */
    public Optional<String> unrecordedFailure(VideoId id) {
        return Optional.ofNullable(unrecorded.get(id));
    }

    private Instant drive(VideoRun run) {
        if (run.video().status() == VideoStatus.QUEUED && run.video().lastSuccessfulStep() != null) {
            steps.resumption().resume(run);
        }
        while (true) {
            Step step = run.video().startFrom();
            if (step == null) {
                commit(run);
                return null;
            }
            if ((step == Step.AUDIO || step == Step.CLIPS) && run.video().needsApproval()) {
                steps.script().awaitApproval(run);
                commit(run);
                return null;
            }
            StepOutcome outcome = runStep(step, run);
            if (outcome instanceof StepOutcome.WaitUntil w) {
                commit(run);
                return w.at();
            }
            if (outcome instanceof StepOutcome.Idle) {
                commit(run);
                return null;
            }
            if (outcome instanceof StepOutcome.Fail f) {
                return failed(run, step, f);
            }
            run.touch(run.video().clearRateLimit());
        }
    }

    private StepOutcome runStep(Step step, VideoRun run) {
        try {
            providers.preflight().check();
            return switch (step) {
                case SCRIPT -> steps.script().write(run);
                case ADAPT -> steps.script().adapt(run);
                case AUDIO -> steps.audio().run(run, checkpoint);
                case CLIPS -> steps.clips().run(run, checkpoint);
                case ASSEMBLY -> steps.assembly().run(run, checkpoint);
            };
        } catch (ConcurrentUpdateException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || Failures.interrupted(e)) {
                // this node is stopping and cut the step short: hand it back, it is not the video's failure
                LOG.info("{} {}: stopped by this node's shutdown; handed back without counting a retry", run.id(),
                        step.wireName());
                return new StepOutcome.WaitUntil(clock.instant());
            }
            return Failures.of(e, step, dataDir);
        }
    }

    private Instant failed(VideoRun run, Step step, StepOutcome.Fail f) {
        Instant now = clock.instant();
        if (!f.billed().isEmpty()) {
            run.book(steps.ledger().spent(run.id(), f.billed(), now));
            run.record(EventType.CALLS_BILLED, f.billed().size() + " call(s) were billed although they failed", now);
        }
        Video v = run.video();
        RetryPolicy.JobDecision decision = policy.afterJobFailure(f.kind(), f.category(), v.attempts(), f.retryAfter(),
                v.rateLimitedSince(), now);
        if (decision instanceof RetryPolicy.JobDecision.Wait w) {
            run.update(v.markRateLimited(now), EventType.RATE_LIMITED, f.reason() + " — rate limited, trying again at "
                    + w.at() + " (not counted as a retry)");
            commit(run);
            return w.at();
        }
        if (decision instanceof RetryPolicy.JobDecision.Requeue r) {
            Video requeued = v.markRequeued(f.reason(), f.category(), now);
            run.update(requeued, EventType.JOB_FAILED, f.reason() + " — retry " + r.attempt() + "/" + policy.maxJobRetries()
                    + " will start from " + requeued.startFrom().wireName());
            commit(run);
            return r.at();
        }
        RetryPolicy.JobDecision.Stop stop = (RetryPolicy.JobDecision.Stop) decision;
        ErrorCategory category = stop.category() == null ? ErrorCategory.DEFAULT : stop.category();
        String reason = stop.prefix() + f.reason();
        run.update(v.markFailed(reason, category, now), EventType.FAILED, reason);
        commit(run);
        return null;
    }

    /** Saves the run's changes, logs its events and wakes this process's progress streams. */
    void commit(VideoRun run) {
        if (run.changes().isEmpty()) {
            return;
        }
        List<VideoEvent> events = run.changes().events();
        runs.save(run);
        for (VideoEvent e : events) {
            LOG.info("{} {}: {}", run.id(), e.type().wireName(), e.message());
        }
        notifyListeners();
    }

    /**
     * Saves what a paid call just returned (an operation name). If somebody changed the video meanwhile (a person's
     * action), the change is applied again to the video as it now is, so no paid work is ever lost; then this pass
     * ends ({@link ConcurrentUpdateException}) and the run looks again with the new state.
     */
    void commitAfterPaidCall(VideoRun run, Consumer<VideoRun> change) {
        change.accept(run);
        ConcurrentUpdateException conflict;
        try {
            commit(run);
            return;
        } catch (ConcurrentUpdateException e) {
            conflict = e;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<VideoRun> fresh = runs.load(run.id());
            if (fresh.isEmpty()) {
                LOG.warn("{} was deleted while a paid call was out; its result is not kept", run.id());
                break;
            }
            change.accept(fresh.get());
            try {
                commit(fresh.get());
                break;
            } catch (ConcurrentUpdateException again) {
                conflict = again;
            }
        }
        throw conflict;
    }

    /**
     * The writer redoes one block of a script under review; what it cost is booked to the video.
     *
     * @throws org.reelforge.provider.ProviderException when the writer cannot
     */
    void reviseBlock(VideoRun run, int block, Instant now) {
        org.reelforge.video.Script script = run.requireScript();
        var revised = providers.scriptWriter().reviseBlock(script.block(block), script, run.video().request().language());
        run.book(steps.ledger().spent(run.id(), revised.calls(), now));
        run.replaceBlock(revised.block());
        run.record(EventType.BLOCK_REWRITTEN, "Block " + block + " rewritten by " + providers.scriptWriter().name()
                + " at a person's request", now);
    }

    /** The digest a final clip of {@code block} would have (a draft clip with the same digest is kept at finalize). */
    String finalDigest(VideoRun run, org.reelforge.video.Block block) {
        return steps.clips().requests().finalDigest(run, block);
    }

    /**
     * Runs {@code listener} after every change this process commits (a step, a clip, an action), so progress
     * streams can look at once instead of at their next poll. Close the result to stop listening.
     */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed: {}", e.toString());
            }
        }
    }

    VideoRuns runs() {
        return runs;
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

    /** Where a step can ask the engine to save the run before a paid call, and after one. */
    interface Checkpoint {
        /** Saves the run's changes now (the intent before a paid call). */
        void commit(VideoRun run);

        /** Applies {@code change} and saves it, merging with a concurrent change if need be (see the engine). */
        void commitAfterPaidCall(VideoRun run, Consumer<VideoRun> change);
    }

    /** The steps of a run, built once with their providers. */
    private record Steps(ScriptStep script, AudioStep audio, ClipsStep clips, AssemblyStep assembly, Resumption resumption,
                        CostLedger ledger, MediaTools media, Artifacts artifacts) {
    }

    MediaTools media() {
        return steps.media();
    }

    Artifacts artifacts() {
        return steps.artifacts();
    }
}

package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reelforge.cost.CostLedger;
import org.reelforge.media.Assembler;
import org.reelforge.media.ClipInspector;
import org.reelforge.media.MediaException;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.Scratch;
import org.reelforge.video.Block;
import org.reelforge.video.BlockMedia;
import org.reelforge.video.Charge;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Durations;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;
import org.reelforge.video.EventType;
import org.reelforge.video.RetryPolicy;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * The clips step (SPEC §4), one pass: recover submissions a crash interrupted, poll the pending operations that are
 * due, relaunch failures within the rules, submit the blocks whose turn it is — then ask {@link AssemblyGate} whether
 * the clips are ready. Every paid call is preceded by its saved intent and followed by its saved operation name; a
 * generation is booked when it ends, at what the provider charged (a refusal at $0). Nothing is submitted once the
 * assembly deadline has passed or is too close to be met, so no clip is paid for and then abandoned in one pass.
 */
final class ClipsStep {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClipsStep.class);
    /** A downloaded clip may be this much shorter than its block (container rounding), not more. */
    private static final long SHORT_TOLERANCE_MILLIS = 200;
    /** A submission older than this without an answer was interrupted (the HTTP call itself times out sooner). */
    private static final Duration SUBMIT_GRACE = Duration.ofMinutes(3);
    private final ClipGenerator generator;
    private final ScriptWriter writer;
    private final VideoRuns runs;
    private final Artifacts artifacts;
    private final ClipInspector inspector;
    private final CostLedger ledger;
    private final Budget budget;
    private final PipelineSettings settings;
    private final RetryPolicy policy;
    private final Clock clock;
    private final ClipRequests requests;
    private final MediaTools media;

    ClipsStep(Providers providers, VideoRuns runs, Artifacts artifacts, MediaTools media, CostLedger ledger,
              Budget budget, PipelineSettings settings, Clock clock) {
        ClipInspector inspector = media.inspector();
        this.media = media;
        this.generator = providers.clips();
        this.writer = providers.scriptWriter();
        this.runs = runs;
        this.artifacts = artifacts;
        this.inspector = inspector;
        this.ledger = ledger;
        this.budget = budget;
        this.settings = settings;
        this.policy = settings.retryPolicy();
        this.clock = clock;
        this.requests = new ClipRequests(generator, artifacts, inspector, settings);
    }

    ClipRequests requests() {
        return requests;
    }

    StepOutcome run(VideoRun run, Engine.Checkpoint checkpoint) {
        Script script = run.requireScript();
        if (run.video().status() != VideoStatus.GENERATING_CLIPS) {
            start(run, script);
        }
        for (ClipOperation c : run.clipsIn(ClipStatus.SUBMITTING)) {
            recoverInterrupted(run, c);
        }
        for (ClipOperation c : run.clipsIn(ClipStatus.PENDING)) {
            if (isDue(c)) {
                poll(run, c);
            }
        }
        Instant deadline = AssemblyGate.deadline(run, settings.assemblyTimeout());
        if (deadline == null || clock.instant().isBefore(deadline)) {
            try (Frames frames = new Frames(run)) {
                submitDue(run, checkpoint, deadline, frames);
            }
        }
        return gate(run);
    }

    /** The folder of the stills a pass gives the model, made only when one is needed. */
    private final class Frames implements java.util.function.Supplier<Scratch.Dir>, AutoCloseable {
        private final VideoRun run;
        private Scratch.Dir dir;

        Frames(VideoRun run) {
            this.run = run;
        }

        @Override
        public Scratch.Dir get() {
            if (dir == null) {
                dir = artifacts.open(run.id(), "frames");
            }
            return dir;
        }

        @Override
        public void close() {
            if (dir != null) {
                dir.close();
            }
        }
    }

    private void start(VideoRun run, Script script) {
        generator.checkPlan(script.blocks().stream().map(Block::durationSeconds).toList(),
                run.video().request().clipStrategy());
        Instant now = clock.instant();
        run.update(run.video().markRunning(Step.CLIPS, VideoStatus.GENERATING_CLIPS, now)
                        .withBlocks(script.blocks().size(), run.count(ClipStatus.SUCCESS), 1, now), EventType.CLIPS_STARTED,
                "Generating " + script.blocks().size() + " clips (" + run.video().request().clipStrategy().wireName()
                        + ") with " + generator.name());
    }

    private boolean isDue(ClipOperation c) {
        Instant now = clock.instant();
        return c.nextCheckAt() == null || !c.nextCheckAt().isAfter(now) || isStale(c, now);
    }

    private boolean isStale(ClipOperation c, Instant now) {
        return !c.updatedAt().plus(settings.stalePending()).isAfter(now);
    }

    /** A row left in submitting: the process died between our intent and the provider's reply (the ambiguous case). */
    private void recoverInterrupted(VideoRun run, ClipOperation c) {
        if (c.updatedAt().plus(SUBMIT_GRACE).isAfter(clock.instant())) {
            return; // another process may still be waiting for the provider's reply
        }
        LOG.warn("{} block {}: found a submission interrupted before the provider's reply; it may have been received "
                + "and billed (ambiguous). Relaunching it as a retry.", c.videoId(), c.blockIndex());
        failed(run, c, ErrorKind.AMBIGUOUS, ErrorCategory.DEFAULT, "submission interrupted before the provider's reply "
                + "(process stopped?); it may have been received", null, c.quote() == null ? null
                : c.quote().withNote("submission interrupted: it may have been received and billed"));
    }

    private void poll(VideoRun run, ClipOperation c) {
        ClipGenerator.Poll poll;
        try {
            poll = generator.poll(c.operationName());
        } catch (ProviderException e) {
            requireStorage(e);
            if (e.kind() == ProviderException.Kind.PERMANENT) {
                failed(run, c, ErrorKind.TRANSIENT, e.category(), e.getMessage(), null, chargedQuote(c, "operation lost"));
            } else {
                LOG.info("{} block {}: poll failed, will ask again: {}", c.videoId(), c.blockIndex(), e.getMessage());
                run.rescheduleClip(c.withNextCheck(clock.instant().plus(e.retryAfter().orElse(settings.pollInterval()))));
            }
            return;
        }
        if (poll instanceof ClipGenerator.Poll.Done done) {
            receive(run, c, done);
        } else if (poll instanceof ClipGenerator.Poll.Failed f) {
            ProviderException e = f.error();
            Charge charge = e.kind() == ProviderException.Kind.REFUSED
                    ? c.quote() == null ? null : c.quote().notCharged("refused: " + e.getMessage())
                    : chargedQuote(c, "ended in error; counted as billed (the provider does not say)");
            failed(run, c, Failures.kind(e.kind()), e.category(), e.getMessage(), e.retryAfter().orElse(null), charge);
        } else if (isStale(c, clock.instant())) {
            failed(run, c, ErrorKind.TIMEOUT, ErrorCategory.OPERATION_TIMEOUT, "operation " + c.operationName()
                    + " still running after " + Durations.human(settings.stalePending()), null,
                    chargedQuote(c, "still running when relaunched: it may be billed"));
        } else {
            run.rescheduleClip(c.withNextCheck(clock.instant().plus(settings.pollInterval())));
        }
    }

    /** The finished clip: downloaded, decoded whole and measured before it counts; booked at what it cost. */
    private void receive(VideoRun run, ClipOperation c, ClipGenerator.Poll.Done done) {
        try (Scratch.Dir dir = artifacts.open(run.id(), "clip")) {
            receive(run, c, done, dir.resolve("block_" + c.blockIndex() + ".mp4"));
        }
    }

    private void receive(VideoRun run, ClipOperation c, ClipGenerator.Poll.Done done, Path temp) {
        Block block = run.requireScript().block(c.blockIndex());
        String problem;
        try {
            problem = fetch(c, temp, done, block);
            if (problem != null) {
                LOG.warn("{} block {}: {}; fetching it again", c.videoId(), c.blockIndex(), problem);
                problem = fetch(c, temp, done, block);
            }
        } catch (ProviderException e) {
            requireStorage(e);
            if (e.kind() == ProviderException.Kind.PERMANENT) {
                failed(run, c, ErrorKind.BAD_CLIP, ErrorCategory.DEFAULT, "download: " + e.getMessage(), null,
                        chargedQuote(c, "made but could not be downloaded"));
            } else {
                LOG.warn("{} block {}: download failed, will poll again: {}", c.videoId(), c.blockIndex(), e.getMessage());
                run.rescheduleClip(c.withNextCheck(clock.instant().plus(settings.pollInterval())));
            }
            return;
        }
        if (problem != null) {
            failed(run, c, ErrorKind.BAD_CLIP, ErrorCategory.DEFAULT, problem, null,
                    chargedQuote(c, "made but unusable: " + problem));
            return;
        }
        artifacts.store().put(ArtifactKey.clip(run.id(), c.blockIndex()), temp);
        prepare(run, block, done.offsetMillis(), temp);
        boolean refetched = c.lastErrorKind() == ErrorKind.REFETCH;
        List<CostEntry> cost = refetched ? List.of() : billedFor(run, c, done);
        long micros = refetched ? c.costMicroUsd() : cost.stream().mapToLong(CostEntry::amountMicroUsd).sum();
        run.saveClip(c.markSuccess(done.resultRef(), done.offsetMillis(), micros, clock.instant()), EventType.CLIP_SUCCEEDED,
                "Block " + c.blockIndex() + (refetched ? ": clip fetched again, not paid again" : ": clip ready"), cost,
                clock.instant());
        run.touch(run.video().clearRateLimit());
    }

    /** A provider call that failed because our own disk is full is the disk's failure, not the provider's: stop. */
    private static void requireStorage(ProviderException e) {
        if (StorageException.describes(e)) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    /** Downloads and inspects; returns why the clip cannot be used, or null when it can. */
    private String fetch(ClipOperation c, Path temp, ClipGenerator.Poll.Done done, Block block) {
        generator.download(c.operationName(), temp);
        ClipInspector.Inspection seen = inspector.inspect(temp);
        if (!seen.usable()) {
            return "the downloaded clip is unusable: " + seen.problem();
        }
        long available = seen.durationMillis() - done.offsetMillis();
        long needed = block.durationSeconds() * 1000L;
        if (available < needed - SHORT_TOLERANCE_MILLIS) {
            return String.format(Locale.ROOT, "the clip has %.1f s for a block of %d s", available / 1000.0,
                    block.durationSeconds());
        }
        return null;
    }

    private List<CostEntry> billedFor(VideoRun run, ClipOperation c, ClipGenerator.Poll.Done done) {
        Instant now = clock.instant();
        if (!done.calls().isEmpty()) {
            return done.calls().stream().map(call -> CostEntry.spent(run.id(), now, ledger.charge(call), c.blockIndex())).toList();
        }
        return c.quote() == null ? List.of() : List.of(CostEntry.spent(run.id(), now, c.quote(), c.blockIndex()));
    }

    /** The submission's quote, booked with why; nothing for a clip fetched again (it was paid when it was made). */
    private static Charge chargedQuote(ClipOperation c, String note) {
        return c.quote() == null || c.lastErrorKind() == ErrorKind.REFETCH ? null : c.quote().withNote(note);
    }

    /**
     * Records a failed generation with what it cost, then follows the retry rules: relaunch later, abandon, or stop
     * the whole video (a permanent error, a quota that never recovers).
     */
    private void failed(VideoRun run, ClipOperation c, ErrorKind kind, ErrorCategory category, String error,
                        Duration retryAfter, Charge charge) {
        Instant now = clock.instant();
        List<CostEntry> cost = charge == null ? List.of() : List.of(CostEntry.spent(run.id(), now, charge, c.blockIndex()));
        if (kind == ErrorKind.RATE_LIMITED) {
            run.touch(run.video().markRateLimited(now));
        }
        String where = "Block " + c.blockIndex() + ": ";
        RetryPolicy.ClipDecision decision = policy.afterClipFailure(c, kind, retryAfter, run.video().rateLimitedSince(), now);
        if (decision instanceof RetryPolicy.ClipDecision.Abandon a) {
            ClipOperation gone = c.markFailed(error, kind, category, now, null).markAbandoned(now);
            run.saveClip(gone, EventType.CLIP_ABANDONED, where + a.why() + ": " + error, cost, now);
            return;
        }
        if (decision instanceof RetryPolicy.ClipDecision.StopVideo stop) {
            run.saveClip(c.markFailed(error, kind, category, now, null), EventType.CLIP_FAILED, where + error, cost, now);
            throw stop.category() == ErrorCategory.QUOTA_EXCEEDED
                    ? ProviderException.rateLimited(generator.name(), policy.quotaMessage() + error, retryAfter)
                    : new ProviderException(ProviderException.Kind.PERMANENT, generator.name(), category, error, null, null);
        }
        Instant at = ((RetryPolicy.ClipDecision.Relaunch) decision).at();
        run.saveClip(c.markFailed(error, kind, category, now, at), eventOf(kind), where + failureMessage(c, kind, category,
                error, at), cost, now);
    }

    private EventType eventOf(ErrorKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> EventType.CLIP_RATE_LIMITED;
            case REFUSED -> EventType.CLIP_REFUSED;
            case TIMEOUT -> EventType.CLIP_TIMED_OUT;
            case AMBIGUOUS -> EventType.CLIP_SUBMISSION_AMBIGUOUS;
            default -> EventType.CLIP_FAILED;
        };
    }

    private String failureMessage(ClipOperation c, ErrorKind kind, ErrorCategory category, String error, Instant at) {
        return switch (kind) {
            case RATE_LIMITED -> "rate limited, waiting until " + at + " (not counted as a retry): " + error;
            case REFUSED -> "refused (" + category.wireName() + "); the block will be rewritten once: " + error;
            default -> error + " (retry " + (c.retryCount() + 1) + "/" + policy.maxClipRetries() + " next)";
        };
    }

    /** Relaunches the failures that are due, then submits the blocks whose turn it is, while the deadline allows. */
    private void submitDue(VideoRun run, Engine.Checkpoint checkpoint, Instant deadline, Frames frames) {
        Instant now = clock.instant();
        for (ClipOperation c : run.clipsIn(ClipStatus.FAILED)) {
            if (c.nextCheckAt() == null || c.nextCheckAt().isAfter(now)) {
                continue;
            }
            if (deadline != null && Duration.between(now, deadline).compareTo(settings.assemblyLeadTime()) < 0) {
                run.saveClip(c.markAbandoned(now), EventType.CLIP_ABANDONED, "Block " + c.blockIndex()
                        + ": not relaunched, the assembly starts in " + Durations.human(Duration.between(now, deadline))
                        + ", before a new clip could come back", List.of(), now);
                continue;
            }
            Block block = run.requireScript().block(c.blockIndex());
            if (block.ownMedia()) {
                makeOwn(run, block);
                continue;
            }
            boolean rewrite = c.lastErrorKind() == ErrorKind.REFUSED && !c.promptRewritten();
            if (!submit(run, checkpoint, block, c, rewrite, frames)) {
                return;
            }
        }
        for (Block block : requests.toStart(run)) {
            if (block.ownMedia()) {
                makeOwn(run, block);
                continue;
            }
            if (!submit(run, checkpoint, block, null, false, frames)) {
                return;
            }
        }
    }

    /**
     * The block's clip from the person's own file: looped or cut to the block, in the video's format, checked like a
     * downloaded clip. No provider, no cost. A file that cannot be used abandons that block (the video goes on), saying
     * why; a new file and a regenerate bring it back.
     */
    private void makeOwn(VideoRun run, Block block) {
        BlockMedia m = block.media();
        Instant now = clock.instant();
        String where = "Block " + block.index() + ": ";
        try (Scratch.Dir dir = artifacts.open(run.id(), "own")) {
            Optional<Path> source = artifacts.fetch(ArtifactKey.media(run.id(), m.id()), dir, "source");
            if (source.isEmpty()) {
                ownFailed(run, block, "your file \"" + m.name() + "\" is no longer stored; upload it again", now);
                return;
            }
            Path clip = dir.resolve("block_" + block.index() + ".mp4");
            media.ownClips().make(source.get(), m, block.durationSeconds() * 1000L, run.video().request().output().aspect(),
                    clip, dir.path());
            ClipInspector.Inspection seen = media.inspector().inspect(clip);
            if (!seen.usable()) {
                ownFailed(run, block, "the clip made from your file \"" + m.name() + "\" is unusable: " + seen.problem(), now);
                return;
            }
            artifacts.store().put(ArtifactKey.clip(run.id(), block.index()), clip);
            prepare(run, block, 0, clip);
            run.saveClip(ClipOperation.ownMedia(run.id(), block.index(), m, now), EventType.CLIP_SUCCEEDED,
                    where + "made from your " + m.kind().wireName() + " \"" + m.name() + "\" ($0)", List.of(), now);
        } catch (MediaException e) {
            ownFailed(run, block, "your file \"" + m.name() + "\" cannot be used: " + firstLine(e.getMessage()), now);
        }
    }

    private void ownFailed(VideoRun run, Block block, String why, Instant now) {
        run.saveClip(ClipOperation.notMade(run.id(), block.index(), "own media: " + block.media().name(), why,
                ErrorKind.BAD_CLIP, ErrorCategory.DEFAULT, now), EventType.CLIP_ABANDONED, "Block " + block.index() + ": "
                + why + "; the video goes on without it", List.of(), now);
    }

    private static String firstLine(String message) {
        int eol = message == null ? -1 : message.indexOf('\n');
        return eol < 0 ? String.valueOf(message) : message.substring(0, eol);
    }

    /**
     * Prepares the block's sound for the assembly now that its clip is here (off the assembly's critical path), in
     * this node's folder kept for the video's assembly. Best effort: the assembly prepares whatever is not.
     */
    private void prepare(VideoRun run, Block block, long offsetMillis, Path clipFile) {
        try {
            Path dir = artifacts.kept(run.id(), "assembly");
            Path clip = dir.resolve("block_" + block.index() + ".mp4");
            Artifacts.placeCopy(clipFile, clip);
            Path voice = null;
            if (run.video().request().mode() == org.reelforge.video.Mode.NARRATED) {
                voice = dir.resolve("voice_" + block.index() + ".wav");
                if (!artifacts.fetchUnlessPresent(ArtifactKey.voiceOver(run.id(), block.index()), voice)) {
                    return;
                }
            }
            media.assembler().prepareClip(new Assembler.Input(block.index(), clip, offsetMillis,
                    block.durationSeconds() * 1000L, voice), dir);
        } catch (RuntimeException e) {
            LOG.info("{} block {}: its sound will be prepared at the assembly ({})", run.id(), block.index(), e.getMessage());
        }
    }

    /**
     * One paid submission: rewrite first after a refusal, check the budget and the provider's concurrency, save the
     * intent, call, save the operation name. Returns false when the concurrency limit stops further submissions.
     */
    private boolean submit(VideoRun run, Engine.Checkpoint checkpoint, Block block, ClipOperation previous, boolean rewrite,
                           Frames frames) {
        Block b = block;
        String prompt = previous == null ? run.requireScript().clipPrompt(b) : previous.prompt();
        if (rewrite) {
            b = rewritten(run, previous, block);
            if (b == null) {
                return true;
            }
            prompt = run.requireScript().clipPrompt(b);
        }
        if (settings.clipConcurrency() > 0 && runs.inFlightClips(generator.name()) >= settings.clipConcurrency()) {
            LOG.info("{}: {} generations in flight at {} (the limit); block {} waits", run.id(),
                    settings.clipConcurrency(), generator.name(), b.index());
            return false;
        }
        ClipGenerator.ClipRequest request = requests.build(run, b, prompt, frames);
        ProviderCall quote = generator.quote(request);
        Instant now = clock.instant();
        try {
            budget.check(run, "the clip of block " + b.index(), List.of(quote));
        } catch (BudgetExceededException e) {
            ClipOperation gone = previous == null
                    ? ClipOperation.notMade(run.id(), b.index(), prompt, e.getMessage(), ErrorKind.BUDGET,
                            ErrorCategory.BUDGET_EXCEEDED, now)
                    : previous.markFailed(e.getMessage(), ErrorKind.BUDGET, ErrorCategory.BUDGET_EXCEEDED, now, null)
                            .markAbandoned(now);
            run.saveClip(gone, EventType.CLIP_ABANDONED, "Block " + b.index() + ": not made, " + e.getMessage()
                    + "; the clips already paid for are kept", List.of(), now);
            return true;
        }
        Charge charge = ledger.charge(quote);
        String digest = ClipRequests.digest(request);
        ClipOperation intent = previous == null
                ? ClipOperation.intent(run.id(), b.index(), prompt, generator.name(), charge, request.resolution(), digest, now)
                : previous.markResubmitting(prompt, rewrite || previous.promptRewritten(), generator.name(), charge,
                        request.resolution(), digest, now);
        run.saveClip(intent, EventType.CLIP_SUBMITTING, "Block " + b.index() + ": submitting to " + generator.name()
                + " (submission " + intent.submissions() + ", retry " + intent.retryCount() + "/" + policy.maxClipRetries()
                + ")", List.of(), now);
        checkpoint.commit(run);
        ClipGenerator.Submitted submitted;
        try {
            submitted = generator.submit(request);
        } catch (ProviderException e) {
            failed(run, intent, Failures.kind(e.kind()), e.category(), "submit: " + e.getMessage(),
                    e.retryAfter().orElse(null), null);
            return true;
        }
        int index = b.index();
        Instant firstPoll = clock.instant().plus(settings.firstPoll());
        checkpoint.commitAfterPaidCall(run, r -> r.clip(index).filter(c -> c.status() == ClipStatus.SUBMITTING)
                .ifPresent(c -> r.saveClip(c.markPending(submitted.operationName(), clock.instant(), firstPoll),
                        EventType.CLIP_SUBMITTED, "Block " + index + ": operation " + submitted.operationName(),
                        List.of(), clock.instant())));
        run.touch(run.video().clearRateLimit());
        return true;
    }

    /**
     * Rewrites a refused block (its visual prompt and spoken line; the style guide stays) into the script. A rewrite
     * that fails or is refused itself abandons that clip, never the video: returns null then.
     */
    private Block rewritten(VideoRun run, ClipOperation refused, Block block) {
        Instant now = clock.instant();
        try {
            ScriptWriter.RewrittenBlock r = writer.rewriteRefusedBlock(block, run.requireScript().styleGuide(),
                    refused.lastError(), run.video().request().language());
            run.book(ledger.spent(run.id(), r.calls(), now));
            run.replaceBlock(r.block());
            run.record(EventType.PROMPT_REWRITTEN, "Block " + block.index() + ": rewritten by " + writer.name()
                    + " after a refusal (visual prompt and spoken line)", now);
            return r.block();
        } catch (ProviderException e) {
            run.book(ledger.spent(run.id(), e.calls(), now));
            run.saveClip(refused.markAbandoned(now), EventType.CLIP_ABANDONED, "Block " + block.index()
                    + ": refused, and rewriting it failed too (" + e.getMessage() + "); the video goes on without it",
                    List.of(), now);
            return null;
        }
    }

    private StepOutcome gate(VideoRun run) {
        Instant now = clock.instant();
        AssemblyGate.Decision decision = AssemblyGate.decide(run, now, settings);
        if (decision instanceof AssemblyGate.Decision.Wait w) {
            if (w.tracking() != null && changed(run, w)) {
                run.saveTracking(w.tracking());
            }
            return new StepOutcome.WaitUntil(w.until());
        }
        if (decision instanceof AssemblyGate.Decision.NoClips n) {
            abandonAtDeadline(run, n.abandon(), now);
            run.saveTracking(n.tracking());
            return new StepOutcome.Fail(ErrorKind.PERMANENT, n.category(), n.reason());
        }
        AssemblyGate.Decision.Assemble a = (AssemblyGate.Decision.Assemble) decision;
        abandonAtDeadline(run, a.abandon(), now);
        run.saveTracking(a.tracking());
        String message = a.found() == a.expected() ? "All " + a.expected() + " clips ready"
                : "Assembling with " + a.found() + " of " + a.expected() + " clips (" + a.tracking().status().wireName() + ")";
        run.update(run.video().markStepDone(Step.CLIPS, VideoStatus.READY_FOR_ASSEMBLY, now), EventType.CLIPS_GENERATED,
                message);
        return StepOutcome.done();
    }

    /** The wait is written when it starts and when a clip came in, not at every look. */
    private static boolean changed(VideoRun run, AssemblyGate.Decision.Wait w) {
        return run.tracking().map(t -> !t.isWaiting() || t.foundClips() != w.tracking().foundClips()).orElse(true);
    }

    private void abandonAtDeadline(VideoRun run, List<Integer> blocks, Instant now) {
        for (int block : blocks) {
            ClipOperation c = run.clip(block).orElseThrow();
            String why = AssemblyGate.timeoutReason(settings.assemblyTimeout());
            ClipOperation gone = c.status() == ClipStatus.FAILED ? c.markAbandoned(now)
                    : c.markFailed(why, ErrorKind.TIMEOUT, ErrorCategory.OPERATION_TIMEOUT, now, null).markAbandoned(now);
            List<CostEntry> cost = c.isInFlight() && c.quote() != null
                    ? List.of(CostEntry.spent(run.id(), now, c.quote().withNote("given up while still generating: it may be billed"), block))
                    : List.of();
            run.saveClip(gone, EventType.CLIP_ABANDONED, "Block " + block + ": given up, " + why + " (timeout_assembly)",
                    cost, now);
        }
    }
}

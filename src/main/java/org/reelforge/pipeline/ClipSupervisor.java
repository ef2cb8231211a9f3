package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.Block;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Mode;
import org.reelforge.video.Video;

/**
 * The clips step (SPEC §4): submits each block's clip (intent persisted first), polls pending operations on
 * their own schedule, relaunches failures within limits, abandons what cannot succeed — then hands over to
 * {@link AssemblyGate} to decide when the clips are ready.
 */
final class ClipSupervisor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClipSupervisor.class);
    private final ClipGenerator generator;
    private final ScriptWriter writer;
    private final Journal journal;
    private final ArtifactStore artifacts;
    private final CostLedger ledger;
    private final Budget budget;
    private final PipelineSettings settings;
    private final Clock clock;

    ClipSupervisor(Providers providers, Journal journal, ArtifactStore artifacts, CostLedger ledger, Budget budget,
                   PipelineSettings settings, Clock clock) {
        this.generator = providers.clips();
        this.writer = providers.scriptWriter();
        this.journal = journal;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.budget = budget;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over the clips of a video: recover, poll, relaunch, submit, in that order. */
    void tend(ClipRound round) {
        for (ClipOperation c : round.clipsIn(ClipStatus.SUBMITTING)) {
            recoverInterrupted(round, c);
        }
        for (ClipOperation c : round.clipsIn(ClipStatus.PENDING)) {
            if (isDue(c)) {
                poll(round, c);
            }
        }
        for (ClipOperation c : round.clipsIn(ClipStatus.FAILED)) {
            if (!c.nextCheckAt().isAfter(clock.instant())) {
                submit(round, round.script().block(c.blockIndex()), c);
            }
        }
        for (Block block : blocksToStart(round)) {
            submit(round, block, null);
        }
    }

    private boolean isDue(ClipOperation c) {
        Instant now = clock.instant();
        return c.nextCheckAt() == null || !c.nextCheckAt().isAfter(now) || isStale(c, now);
    }

    private boolean isStale(ClipOperation c, Instant now) {
        return !c.updatedAt().plus(settings.stalePending()).isAfter(now);
    }

    /** parallel: every block without an operation; extend: the next block once the one before it is settled. */
    private List<Block> blocksToStart(ClipRound round) {
        List<Block> missing = round.script().blocks().stream().filter(b -> round.clip(b.index()).isEmpty()).toList();
        if (round.video().request().clipStrategy() == ClipStrategy.PARALLEL || missing.isEmpty()) {
            return missing;
        }
        Block next = missing.get(0);
        boolean previousSettled = next.index() == 1 || round.clip(next.index() - 1)
                .map(c -> c.status() == ClipStatus.SUCCESS || c.status() == ClipStatus.ABANDONED).orElse(false);
        return previousSettled ? List.of(next) : List.of();
    }

    private void recoverInterrupted(ClipRound round, ClipOperation c) {
        LOG.warn("{} block {}: found a submission interrupted before the provider's reply; it may have been received "
                + "and billed (ambiguous). Relaunching it as a retry.", c.videoId(), c.blockIndex());
        fail(round, c, ProviderException.transientError("pipeline",
                "submission interrupted before the provider's reply (process stopped?); it may have been received", null),
                "clip_submission_ambiguous");
    }

    private void submit(ClipRound round, Block block, ClipOperation previous) {
        Instant now = clock.instant();
        String prompt = previous == null ? round.script().clipPrompt(block) : previous.prompt();
        boolean rewritten = previous != null && previous.promptRewritten();
        if (previous != null && ClipOperation.REFUSED.equals(previous.lastErrorKind()) && !rewritten) {
            prompt = rewrite(round, previous);
            rewritten = true;
        }
        ClipGenerator.ClipRequest request = request(round, block, prompt);
        budget.check(round.video(), "the clip of block " + block.index(), List.of(generator.quote(request)));
        ClipOperation intent = previous == null
                ? ClipOperation.intent(round.video().id(), block.index(), prompt, now)
                : previous.markResubmitting(prompt, rewritten, now);
        round.save(intent, "clip_submitting", "Block " + block.index() + ": submitting to " + generator.name()
                + " (submission " + intent.submissions() + ", retry " + intent.retryCount() + ")", List.of());
        ClipGenerator.Submitted submitted;
        try {
            submitted = generator.submit(request);
        } catch (ProviderException e) {
            fail(round, intent, e, "clip_failed");
            return;
        }
        ClipOperation pending = intent.markPending(submitted.operationName(), clock.instant(),
                clock.instant().plus(settings.firstPoll()));
        round.save(pending, "clip_submitted", "Block " + block.index() + ": operation " + submitted.operationName(),
                List.of(submitted.call()));
    }

    private String rewrite(ClipRound round, ClipOperation refused) {
        ScriptWriter.Rewritten r = writer.rewriteRefusedPrompt(refused.prompt(), refused.lastError(),
                round.video().request().language());
        round.record("prompt_rewritten", "Block " + refused.blockIndex() + ": prompt rewritten by " + writer.name()
                + " after a refusal", r.calls());
        return r.prompt();
    }

    private ClipGenerator.ClipRequest request(ClipRound round, Block block, String prompt) {
        Video v = round.video();
        boolean speaks = v.request().mode() == Mode.NATIVE_AUDIO;
        Optional<String> extendFrom = Optional.empty();
        if (v.request().clipStrategy() == ClipStrategy.EXTEND) {
            extendFrom = round.lastSuccessBefore(block.index()).map(ClipOperation::resultRef);
        }
        return new ClipGenerator.ClipRequest(v.id(), block.index(), block.durationSeconds(), prompt,
                speaks ? block.spokenText() : "", speaks, v.request().language(), extendFrom, block.onScreenText());
    }

    private void poll(ClipRound round, ClipOperation c) {
        ClipGenerator.Poll poll = generator.poll(c.operationName());
        if (poll instanceof ClipGenerator.Poll.Done done) {
            download(round, c, done);
        } else if (poll instanceof ClipGenerator.Poll.Failed failed) {
            fail(round, c, failed.error(), "clip_failed");
        } else if (isStale(c, clock.instant())) {
            fail(round, c, new ProviderException(ProviderException.Kind.TRANSIENT, generator.name(),
                    ErrorCategory.OPERATION_TIMEOUT, "operation " + c.operationName() + " still running after "
                    + settings.stalePending().toMinutes() + " min", null, null), "clip_timed_out");
        } else {
            Instant next = clock.instant().plus(settings.pollInterval());
            journal.store().useTransaction(tx -> tx.reschedulePoll(c, next));
            round.replace(c.withNextCheck(next));
        }
    }

    private void download(ClipRound round, ClipOperation c, ClipGenerator.Poll.Done done) {
        Path target = artifacts.clip(c.videoId(), c.blockIndex());
        Path temp = artifacts.temp(target);
        try {
            generator.download(c.operationName(), temp);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.PERMANENT) {
                fail(round, c, e, "clip_failed");
            } else {
                LOG.warn("{} block {}: download failed, will poll again: {}", c.videoId(), c.blockIndex(), e.getMessage());
                round.replace(c.withNextCheck(clock.instant().plus(settings.pollInterval())));
            }
            return;
        }
        artifacts.commit(temp, target);
        round.save(c.markSuccess(done.resultRef(), done.offsetMillis(), clock.instant()), "clip_succeeded",
                "Block " + c.blockIndex() + ": clip ready", List.of());
    }

    private void fail(ClipRound round, ClipOperation c, ProviderException e, String type) {
        Instant now = clock.instant();
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        String where = "Block " + c.blockIndex() + ": ";
        switch (e.kind()) {
            case RATE_LIMITED -> {
                Instant at = now.plus(e.retryAfter().orElse(settings.rateLimitWait()));
                round.save(c.markFailed(e.getMessage(), ClipOperation.RATE_LIMITED, e.category(), now, at),
                        "clip_rate_limited", where + "rate limited, waiting until " + at + " (not counted as a retry)", List.of());
            }
            case REFUSED -> {
                ClipOperation failed = c.markFailed(e.getMessage(), ClipOperation.REFUSED, e.category(), now, now);
                if (c.promptRewritten() || c.retryCount() >= settings.maxClipRetries()) {
                    abandon(round, failed, where + "refused again after its prompt was rewritten: " + e.getMessage());
                } else {
                    round.save(failed, "clip_refused", where + "refused (" + e.category().wireName()
                            + "); the prompt will be rewritten once: " + e.getMessage(), List.of());
                }
            }
            case PERMANENT -> {
                round.save(c.markFailed(e.getMessage(), kind, e.category(), now, null), type, where + e.getMessage(), List.of());
                throw e;
            }
            case TRANSIENT -> {
                ClipOperation failed = c.markFailed(e.getMessage(), kind, e.category(), now, now.plus(settings.pollInterval()));
                if (c.retryCount() >= settings.maxClipRetries()) {
                    abandon(round, failed, where + "failed after " + c.retryCount() + " retries: " + e.getMessage());
                } else {
                    round.save(failed, type, where + e.getMessage() + " (retry " + (c.retryCount() + 1) + "/"
                            + settings.maxClipRetries() + " next)", List.of());
                }
            }
        }
    }

    private void abandon(ClipRound round, ClipOperation failed, String message) {
        round.save(failed.markAbandoned(clock.instant()), "clip_abandoned", message, List.<ProviderCall>of());
    }
}

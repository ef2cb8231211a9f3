package org.reelforge.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reelforge.cost.CostLedger;
import org.reelforge.video.BilledOperation;
import org.reelforge.video.Charge;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.CostEntry;
import org.reelforge.video.EventType;
import org.reelforge.video.Step;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * A queued video that already got somewhere: log the steps it skips ("Skipping audio generation (already done)") and
 * book what not redoing them saved — finished steps at what they cost, finished clips at what they were booked for,
 * clips already submitted (polled rather than paid for again) at their quote, all priced like the spend — then carry
 * on from the step after the last success.
 */
final class Resumption {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Resumption.class);
    private static final Map<Step, BilledOperation> OPERATION = Map.of(Step.SCRIPT, BilledOperation.SCRIPT,
            Step.ADAPT, BilledOperation.ADAPT, Step.AUDIO, BilledOperation.VOICE);
    private static final Map<Step, String> LABEL = Map.of(Step.SCRIPT, "script generation", Step.ADAPT,
            "script adaptation", Step.AUDIO, "audio generation", Step.CLIPS, "clip generation", Step.ASSEMBLY, "assembly");
    private final CostLedger ledger;
    private final Clock clock;

    Resumption(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    void resume(VideoRun run) {
        Instant now = clock.instant();
        List<Step> skipped = Step.alreadyDone(run.video().lastSuccessfulStep(), run.video().request().mode());
        List<CostEntry> spent = run.costs().stream().filter(e -> e.kind() == CostEntry.Kind.SPENT).toList();
        List<CostEntry> saved = new ArrayList<>();
        StringBuilder message = new StringBuilder("Resuming at ").append(run.video().startFrom().wireName());
        for (Step step : skipped) {
            LOG.info("{}: Skipping {} (already done)", run.id(), LABEL.get(step));
            message.append("; skipping ").append(LABEL.get(step)).append(" (already done)");
            spent.stream().filter(e -> e.operation() == OPERATION.get(step))
                    .forEach(e -> saved.add(CostEntry.saved(run.id(), now, e.charge(), 0)));
        }
        List<ClipOperation> finished = run.clipsIn(ClipStatus.SUCCESS);
        List<ClipOperation> inFlight = run.clipsIn(ClipStatus.PENDING).stream().filter(c -> c.operationName() != null).toList();
        for (ClipOperation c : finished) {
            if (c.quote() != null) {
                saved.add(CostEntry.saved(run.id(), now, clipCost(c), c.blockIndex()));
            }
        }
        for (ClipOperation c : inFlight) {
            if (c.quote() != null) {
                saved.add(CostEntry.saved(run.id(), now, c.quote(), c.blockIndex()));
            }
        }
        if (!finished.isEmpty()) {
            message.append("; keeping ").append(finished.size()).append(" finished clip(s)");
        }
        if (!inFlight.isEmpty()) {
            message.append("; polling ").append(inFlight.size()).append(" clip(s) already submitted, not submitting them again");
        }
        run.book(saved);
        run.update(run.video().withStatus(resumedStatus(run.video().lastSuccessfulStep()), now), EventType.RESUMED,
                message.toString());
    }

    /** What the finished clip was booked for (its quote's units, at the amount the provider really charged). */
    private static Charge clipCost(ClipOperation c) {
        Charge q = c.quote();
        return new Charge(q.provider(), q.operation(), q.units(), q.unit(), c.costMicroUsd(), q.note(), true);
    }

    private static VideoStatus resumedStatus(CompletedStep last) {
        return last == CompletedStep.CLIPS_GENERATED ? VideoStatus.READY_FOR_ASSEMBLY : VideoStatus.SCRIPT_GENERATED;
    }
}

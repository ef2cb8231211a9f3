package org.reelforge.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoStatus;

/**
 * A queued video that already got somewhere: log the steps it skips ("Skipping audio generation (already
 * done)") and book what not redoing them saved — finished steps, finished clips, and clips already submitted
 * that are polled rather than paid for again — then carry on from the step after the last success.
 */
final class Resumption {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Resumption.class);
    private static final Map<Step, String> OPERATION = Map.of(Step.SCRIPT, "script", Step.ADAPT, "adapt",
            Step.AUDIO, "voice");
    private static final Map<Step, String> LABEL = Map.of(Step.SCRIPT, "script generation", Step.ADAPT,
            "script adaptation", Step.AUDIO, "audio generation", Step.CLIPS, "clip generation", Step.ASSEMBLY, "assembly");
    private final Journal journal;
    private final CostLedger ledger;
    private final ClipGenerator generator;
    private final Clock clock;

    Resumption(Journal journal, CostLedger ledger, ClipGenerator generator, Clock clock) {
        this.journal = journal;
        this.ledger = ledger;
        this.generator = generator;
        this.clock = clock;
    }

    Video resume(Video video) {
        List<Step> skipped = Step.alreadyDone(video.lastSuccessfulStep(), video.request().mode());
        List<CostEntry> spent = journal.store().read(tx -> tx.costs(video.id())).stream()
                .filter(e -> e.kind() == CostEntry.Kind.SPENT).toList();
        List<CostEntry> saved = new ArrayList<>();
        StringBuilder message = new StringBuilder("Resuming at ").append(video.startFrom().wireName());
        for (Step step : skipped) {
            LOG.info("{}: Skipping {} (already done)", video.id(), LABEL.get(step));
            message.append("; skipping ").append(LABEL.get(step)).append(" (already done)");
            spent.stream().filter(e -> e.operation().equals(OPERATION.get(step))).forEach(saved::add);
        }
        List<ClipOperation> clips = journal.store().read(tx -> tx.clips(video.id()));
        List<ClipOperation> finished = clips.stream().filter(c -> c.status() == ClipStatus.SUCCESS).toList();
        List<ClipOperation> inFlight = clips.stream()
                .filter(c -> c.status() == ClipStatus.PENDING && c.operationName() != null).toList();
        Script script = journal.store().read(tx -> tx.currentScript(video.id())).orElse(null);
        if (script != null) {
            java.util.stream.Stream.concat(finished.stream(), inFlight.stream())
                    .forEach(c -> saved.add(clipCost(video, script.block(c.blockIndex()).durationSeconds())));
        }
        if (!finished.isEmpty()) {
            message.append("; keeping ").append(finished.size()).append(" finished clip(s)");
        }
        if (!inFlight.isEmpty()) {
            message.append("; polling ").append(inFlight.size()).append(" clip(s) already submitted, not submitting them again");
        }
        Video next = video.withStatus(resumedStatus(video.lastSuccessfulStep()), clock.instant());
        return journal.commit(next, "resumed", message.toString(), tx -> ledger.saved(tx, video.id(), saved, clock.instant()));
    }

    private CostEntry clipCost(Video video, int seconds) {
        ProviderCall call = new ProviderCall(generator.name(), "clip", seconds, "second");
        return new CostEntry(video.id(), clock.instant(), CostEntry.Kind.SAVED, call.provider(), call.operation(),
                call.units(), call.unit(), ledger.priceMicroUsd(call));
    }

    private static VideoStatus resumedStatus(CompletedStep last) {
        return last == CompletedStep.CLIPS_GENERATED ? VideoStatus.READY_FOR_ASSEMBLY : VideoStatus.SCRIPT_GENERATED;
    }
}

package org.reelforge.pipeline;

import java.time.Clock;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.Json;
import org.reelforge.store.ScriptDocument;
import org.reelforge.store.StoreTransaction;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/** The script step (write, or take the user's) and the adapt step (rewrite for speech, narrated mode). */
final class ScriptStep {
    private final ScriptWriter writer;
    private final Journal journal;
    private final ArtifactStore artifacts;
    private final CostLedger ledger;
    private final Budget budget;
    private final Clock clock;

    ScriptStep(ScriptWriter writer, Journal journal, ArtifactStore artifacts, CostLedger ledger, Budget budget, Clock clock) {
        this.writer = writer;
        this.journal = journal;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.budget = budget;
        this.clock = clock;
    }

    Video write(Video video) {
        VideoRequest r = video.request();
        ScriptWriter.Written written;
        if (r.script() != null) {
            written = new ScriptWriter.Written(r.script(), java.util.List.of());
        } else {
            ScriptWriter.Brief brief = new ScriptWriter.Brief(r.theme(), r.targetDurationSeconds(), r.style(), r.language(), r.mode());
            budget.check(video, "writing the script", writer.quote(brief));
            written = writer.write(brief);
            written.script().requireDurationNear(r.targetDurationSeconds());
        }
        Script script = written.script();
        artifacts.writeString(artifacts.scriptJson(video.id()), Json.writePretty(ScriptDocument.of(script)));
        Video next = video.markStepDone(Step.SCRIPT, VideoStatus.SCRIPT_GENERATED, clock.instant())
                .withBlocks(script.blocks().size(), 0, 0, clock.instant());
        String how = r.script() != null ? "user-supplied script" : "written by " + writer.name();
        return journal.commit(next, "script_generated", "Script \"" + script.title() + "\": " + script.blocks().size()
                + " blocks, " + script.totalDurationSeconds() + " s (" + how + ")", tx -> {
                    tx.saveScript(video.id(), StoreTransaction.ORIGINAL, script, clock.instant());
                    ledger.spent(tx, video.id(), written.calls(), clock.instant());
                });
    }

    Video adapt(Video video) {
        Script original = journal.store().read(tx -> tx.script(video.id(), StoreTransaction.ORIGINAL))
                .orElseThrow(() -> new IllegalStateException("video " + video.id() + " has no script to adapt"));
        ScriptWriter.Written adapted = writer.adaptForSpeech(original, video.request().language());
        if (adapted.script().blocks().size() != original.blocks().size()) {
            throw new IllegalStateException(writer.name() + " changed the number of blocks while adapting ("
                    + original.blocks().size() + " → " + adapted.script().blocks().size() + ")");
        }
        Video next = video.markStepDone(Step.ADAPT, VideoStatus.SCRIPT_GENERATED, clock.instant());
        return journal.commit(next, "script_adapted", "Script adapted for speech by " + writer.name(), tx -> {
            tx.saveScript(video.id(), StoreTransaction.ADAPTED, adapted.script(), clock.instant());
            ledger.spent(tx, video.id(), adapted.calls(), clock.instant());
        });
    }
}

package org.reelforge.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.video.EventType;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.Json;
import org.reelforge.wire.ScriptDocument;

/**
 * The script step (write with the LLM, or take the user's), the adapt step (rewrite for speech, narrated mode), and
 * the wait for a person's approval when the video asked for a review. Block lengths come from the clip model.
 */
final class ScriptStep {
    private final ScriptWriter writer;
    private final ClipGenerator clips;
    private final Artifacts artifacts;
    private final CostLedger ledger;
    private final Budget budget;
    private final Clock clock;

    ScriptStep(ScriptWriter writer, ClipGenerator clips, Artifacts artifacts, CostLedger ledger, Budget budget,
               Clock clock) {
        this.writer = writer;
        this.clips = clips;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.budget = budget;
        this.clock = clock;
    }

    StepOutcome write(VideoRun run) {
        VideoRequest r = run.video().request();
        ClipCapabilities caps = clips.capabilities();
        Script script;
        String how;
        if (r.script() != null) {
            script = r.script();
            how = "user-supplied script";
        } else {
            ScriptWriter.Brief brief = new ScriptWriter.Brief(r.theme(), r.targetDurationSeconds(), r.style(), r.language(),
                    r.mode(), caps.lengths(), caps.fixesDurations(r.clipStrategy())
                            ? caps.plan(r.targetDurationSeconds(), r.clipStrategy()) : List.of());
            budget.check(run, "writing the script", writer.quote(brief));
            ScriptWriter.Written written = writer.write(brief);
            run.book(ledger.spent(run.id(), written.calls(), clock.instant()));
            script = caps.requireLengths(written.script().requireDurationNear(r.targetDurationSeconds(), caps.lengths()),
                    r.clipStrategy());
            how = "written by " + writer.name();
        }
        Instant now = clock.instant();
        writeFile(run, script);
        run.saveScript(VideoRun.ScriptKind.ORIGINAL, script);
        Video next = run.video().markStepDone(Step.SCRIPT, VideoStatus.SCRIPT_GENERATED, now)
                .withBlocks(script.blocks().size(), 0, 0, now);
        run.update(next, EventType.SCRIPT_GENERATED, "Script \"" + script.title() + "\": " + script.blocks().size()
                + " blocks, " + script.totalDurationSeconds() + " s (" + how + ")");
        return StepOutcome.done();
    }

    StepOutcome adapt(VideoRun run) {
        Script original = run.original()
                .orElseThrow(() -> new IllegalStateException("video " + run.id() + " has no script to adapt"));
        ScriptWriter.Written adapted = writer.adaptForSpeech(original, run.video().request().language());
        run.book(ledger.spent(run.id(), adapted.calls(), clock.instant()));
        if (adapted.script().blocks().size() != original.blocks().size()) {
            throw new IllegalStateException(writer.name() + " changed the number of blocks while adapting ("
                    + original.blocks().size() + " → " + adapted.script().blocks().size() + ")");
        }
        run.saveScript(VideoRun.ScriptKind.ADAPTED, adapted.script());
        run.update(run.video().markStepDone(Step.ADAPT, VideoStatus.SCRIPT_GENERATED, clock.instant()),
                EventType.SCRIPT_ADAPTED, "Script adapted for speech by " + writer.name());
        return StepOutcome.done();
    }

    /** The script is ready and the video asked for a review: it waits, durably and holding no worker, for a person. */
    void awaitApproval(VideoRun run) {
        Script script = run.requireScript();
        run.update(run.video().markAwaitingApproval(clock.instant()), EventType.AWAITING_APPROVAL,
                "Script ready for review: " + script.blocks().size() + " blocks, " + script.totalDurationSeconds()
                        + " s; nothing is paid for clips until it is approved");
    }

    /** Keeps {@code script.json} beside the video's files equal to the script the clips are made from. */
    void writeFile(VideoRun run, Script script) {
        artifacts.putText(ArtifactKey.scriptJson(run.id()), Json.writePretty(ScriptDocument.of(script)));
    }
}

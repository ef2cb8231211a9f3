package org.reelforge.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.reelforge.wire.VideoView;
import org.reelforge.wire.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show a video: step, blocks, clips, assembly tracking, events, costs.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Parameters(paramLabel = "ID")
    String id;
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = root.open(data.dataDir)) {
            VideoView.Detail r = VideoWaiter.report(ws, VideoIdParameter.parse(id));
            System.out.println(json ? Json.writePretty(r) : text(r));
            return ExitCodes.DONE;
        }
    }

    static String text(VideoView.Detail r) {
        StringBuilder s = new StringBuilder();
        s.append(r.videoId()).append(" — \"").append(r.theme()).append("\"\n");
        s.append(String.format(Locale.ROOT, "  %d s, %s, %s, %s, %s%n", r.targetDuration(), r.style(), r.language(), r.mode(), r.clipStrategy()));
        s.append("  status: ").append(r.statusLabel()).append(" (").append(r.progressPercentage()).append("%) — ").append(r.message()).append('\n');
        s.append("  last successful step: ").append(r.lastSuccessfulStep()).append("; next: ").append(r.startFrom())
                .append("; job retries: ").append(r.attempts()).append('\n');
        if (r.failureReason() != null) {
            s.append("  reason: ").append(r.failureReason()).append('\n');
        }
        ProgressView.panel(r).stream().skip(2).limit(r.blocks().size()).forEach(l -> s.append(l).append('\n'));
        for (VideoView.BlockView b : r.blocks()) {
            if (b.clip() != null && b.clip().lastError() != null) {
                s.append("  block ").append(b.index()).append(" last error: ").append(b.clip().lastError()).append('\n');
            }
        }
        if (r.assembly() != null) {
            s.append("  assembly tracking: ").append(r.assembly().status()).append(", ").append(r.assembly().foundClips())
                    .append('/').append(r.assembly().expectedClips()).append(" clips, first missing at ")
                    .append(r.assembly().firstDetectedAt()).append('\n');
        }
        s.append("  costs: spent $").append(r.costs().spentUsd().toPlainString()).append(", saved by resume $")
                .append(r.costs().savedUsd().toPlainString()).append(", budget $").append(r.costs().budgetUsd().toPlainString())
                .append(", ").append(r.costs().calls()).append(" provider calls\n");
        r.costs().byProvider().forEach(p -> s.append(String.format(Locale.ROOT, "    %-28s %-14s %3d calls %10.1f %-12s $%s%n",
                p.provider(), p.operation(), p.calls(), p.units(), p.unit(), p.amountUsd().toPlainString())));
        s.append("  events:\n");
        r.events().stream().skip(Math.max(0, r.events().size() - 15))
                .forEach(e -> s.append("    ").append(e.at()).append(' ').append(e.type()).append(": ").append(e.message()).append('\n'));
        return s.toString();
    }
}

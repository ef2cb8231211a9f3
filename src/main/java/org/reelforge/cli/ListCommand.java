package org.reelforge.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reelforge.wire.Json;
import org.reelforge.video.Video;
import org.reelforge.video.VideoStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "List videos, newest first.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;
    @Option(names = "--status", description = "Only videos in this status (queued, completed, failed…).")
    String status;
    @Option(names = "--limit", defaultValue = "50")
    int limit;

    record Row(String videoId, String theme, String status, String statusLabel, int progressPercentage, int totalBlocks,
               int completedBlocks, String createdAt) {
    }

    @Override
    public Integer call() {
        VideoStatus filter = status == null ? null : parse(status);
        try (Workspace ws = root.open(data.dataDir)) {
            List<Video> videos = ws.queries().page(null, filter, 0, Math.max(1, limit)).videos();
            List<Row> rows = videos.stream().map(v -> new Row(v.id().value(), v.request().theme(), v.status().wireName(),
                    v.statusLabel(), v.progressPercentage(), v.totalBlocks(), v.completedBlocks(), v.createdAt().toString())).toList();
            if (json) {
                System.out.println(Json.writePretty(rows));
            } else {
                rows.forEach(r -> System.out.println(String.format(Locale.ROOT, "%-28s %-20s %3d%%  %d/%d  %s",
                        r.videoId(), r.statusLabel(), r.progressPercentage(), r.completedBlocks(), r.totalBlocks(), r.theme())));
            }
            return ExitCodes.DONE;
        }
    }

    private static VideoStatus parse(String s) {
        try {
            return VideoStatus.fromWire(s.strip());
        } catch (IllegalArgumentException e) {
            throw new org.reelforge.video.InvalidRequestException("--status",
                    "must be one of queued, script_generated, generating_clips, ready_for_assembly, assembling, completed, failed, cancelled");
        }
    }
}

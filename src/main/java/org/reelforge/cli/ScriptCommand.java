package org.reelforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reelforge.video.Script;
import org.reelforge.video.VideoId;
import org.reelforge.wire.Json;
import org.reelforge.wire.ScriptDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "script", description = {"Print a video's script as JSON (the file --set takes), or replace it with",
        "--set FILE while the video awaits approval (checked against the clip model's lengths)."})
final class ScriptCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Parameters(paramLabel = "ID")
    String id;
    @Option(names = "--set", paramLabel = "FILE", description = "The new script (JSON: title, style_guide, blocks[]).")
    Path file;

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        try (Workspace ws = root.open(data.dataDir)) {
            if (file != null) {
                ws.control().replaceScript(video, read(file));
                System.err.println("Script of " + video + " replaced; nothing is paid until `reelforge approve " + video + "`.");
            }
            System.out.println(Json.writePretty(ScriptDocument.of(ws.control().script(video))));
            return ExitCodes.DONE;
        }
    }

    static Script read(Path file) {
        return JsonFile.read(file, ScriptDocument.class, "--set", "a valid script file").toScript();
    }
}

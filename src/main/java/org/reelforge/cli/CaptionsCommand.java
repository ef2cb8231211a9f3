package org.reelforge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoId;
import org.reelforge.wire.CaptionWordsDocument;
import org.reelforge.wire.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "captions", description = {"Print a finished video's caption words with their times (JSON: the file --set",
        "takes), or correct them with --set FILE: the video is assembled again with them, nothing is paid."})
final class CaptionsCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Mixin
    FollowOption follow;
    @Parameters(paramLabel = "ID")
    String id;
    @Option(names = "--set", paramLabel = "FILE", description = "The corrected words (JSON: {\"words\": [{\"text\", \"start_ms\", \"end_ms\"}]}).")
    Path file;

    /** The file {@code --set} takes, as {@code captions ID} prints it. */
    record Words(List<CaptionWordsDocument.Word> words, Boolean edited) {
    }

    @Override
    public Integer call() {
        VideoId video = VideoIdParameter.parse(id);
        try (Workspace ws = root.open(data.dataDir)) {
            if (file == null) {
                CaptionWordsDocument words = ws.control().captionWords(video);
                System.out.println(Json.writePretty(new Words(words.words(), Boolean.TRUE.equals(words.edited()))));
                return ExitCodes.DONE;
            }
            Words words = read(file);
            if (words.words() == null || words.words().isEmpty()) {
                throw new InvalidRequestException("--set", "must hold a non-empty \"words\" list");
            }
            ws.control().editCaptions(video, new CaptionWordsDocument(null, words.words(), null));
            System.err.println("Captions of " + video + " corrected (" + words.words().size()
                    + " words); assembling again, nothing to pay.");
            return follow.follow(ws, video);
        }
    }

    private static Words read(Path file) {
        return JsonFile.read(file, Words.class, "--set", "a captions file");
    }
}

package org.reelforge.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reelforge.ReelForgeException;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.wire.VideoView;
import org.reelforge.wire.RequestDocument;
import org.reelforge.wire.ScriptDocument;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", description = "Make a video from a theme and wait for it, showing progress.")
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--theme", required = true, description = "What the video is about (1–200 characters).")
    String theme;
    @Option(names = "--duration", defaultValue = "36", description = "Target duration in seconds, 8–180 (default ${DEFAULT-VALUE}).")
    int duration;
    @Option(names = "--style", defaultValue = "informative",
            description = "informative, storytelling, humorous, dramatic or educational (default ${DEFAULT-VALUE}).")
    String style;
    @Option(names = "--language", defaultValue = "fr", description = {"BCP-47 / ISO 639: fr, en, es, de, pt, it, ja, zh, ar, hi…",
            "(default ${DEFAULT-VALUE}; the offline writer writes fr and en, others need an LLM or --script)."})
    String language;
    @Option(names = "--mode", defaultValue = "native_audio",
            description = "native_audio (the clips speak) or narrated (voice-over), default ${DEFAULT-VALUE}.")
    String mode;
    @Option(names = "--clip-strategy", defaultValue = "parallel",
            description = "parallel (all blocks at once) or extend (each block extends the previous), default ${DEFAULT-VALUE}.")
    String clipStrategy;
    @Option(names = "--script", paramLabel = "FILE", description = "Your own script (JSON: title, style_guide, blocks[]); skips the script step.")
    Path scriptFile;
    @Option(names = "--budget", paramLabel = "USD", description = "Stop before spending more than this on the video.")
    BigDecimal budget;
    @Option(names = "--estimate", description = "Print the estimated cost with the configured providers and exit.")
    boolean estimateOnly;
    @Option(names = "--out", paramLabel = "FILE", description = "Where to copy final.mp4 (default ./<video id>.mp4).")
    Path out;
    @Option(names = {"-q", "--quiet"}, description = "No progress display.")
    boolean quiet;
    @Option(names = "--review", description = "Stop after the script, before anything is paid for clips: check it with "
            + "`script ID`, change it with `script ID --set FILE`, then `approve ID`.")
    Boolean review;
    @Option(names = "--draft", description = "Render every block at the clip provider's cheapest tier; `finalize ID` "
            + "makes the final clips.")
    Boolean draft;
    @Mixin
    OutputFlags output;
    @Option(names = "--media", paramLabel = "N=FILE[:silent]", description = {"Make block N from your own video (trimmed or",
            "looped to the block) or picture (slow pan and zoom), at no provider cost; :silent drops the clip's own sound.",
            "Repeatable. The script is written first, the files attached, then rendering starts (with --review: at approval)."})
    List<String> media = new ArrayList<>();

    @Override
    public Integer call() {
        List<OwnMedia> own = OwnMedia.parse(media);
        ScriptDocument script = script();
        if (script != null) {
            OwnMedia.checkBlocks(own, script.toScript().blocks().size());
        }
        boolean holdForMedia = !own.isEmpty() && !Boolean.TRUE.equals(review);
        boolean musicIsNamed = output.music == null || OutputFlags.isWireMusic(output.music);
        request(script, holdForMedia, musicIsNamed ? output.music : null);
        try (Workspace ws = root.open(data.dataDir)) {
            // An estimate adds nothing to the library: music costs nothing, so a file is only checked to exist.
            VideoRequest request = request(script, holdForMedia, estimateOnly && !musicIsNamed
                    ? output.checkedMusicFile() : output.music(ws.music()));
            ws.providerSummary().forEach(System.err::println);
            BigDecimal estimate = ws.estimate(request);
            System.err.println("Estimated cost: $" + estimate.toPlainString()
                    + (own.isEmpty() ? "" : " (before your own media: those blocks cost nothing)"));
            List<String> unpriced = ws.unpricedCalls(request);
            if (!unpriced.isEmpty()) {
                System.err.println("Warning: no price for " + String.join(", ", unpriced)
                        + " (counted as $0; add them to " + ws.dataDir().resolve("prices.properties") + ")");
            }
            if (estimateOnly) {
                System.out.println(estimate.toPlainString());
                return ExitCodes.DONE;
            }
            Video video = ws.engine().submit(request, "local");
            System.err.println("Video " + video.id() + " queued in " + ws.dataDir().toAbsolutePath());
            VideoView.Detail r = VideoWaiter.await(ws, video.id(), System.out, quiet);
            if (r.status().equals("awaiting_approval") && !own.isEmpty()) {
                try {
                    OwnMedia.attach(ws, video.id(), own, r.blocks().size());
                } catch (InvalidRequestException e) {
                    System.err.println("Video " + video.id() + " awaits approval with its script; nothing has been paid"
                            + " for clips. Attach a file with `reelforge media " + video.id() + " N FILE`, or `reelforge"
                            + " approve " + video.id() + "` to render the script as it is.");
                    throw e;
                }
                if (holdForMedia) {
                    ws.control().approve(video.id());
                    r = VideoWaiter.await(ws, video.id(), System.out, quiet);
                } else {
                    r = VideoWaiter.report(ws, video.id());
                }
            }
            if (r.status().equals("awaiting_approval")) {
                System.out.println(ReviewHint.text(r));
                return ExitCodes.DONE;
            }
            int code = VideoWaiter.conclude(r, System.out, System.err);
            if (code == ExitCodes.DONE) {
                deliver(ws, video.id(), r);
            }
            return code;
        }
    }

    /** The request, checked (every field named by its rule); {@code music} as the library names it. */
    private VideoRequest request(ScriptDocument script, boolean holdForMedia, String music) {
        return new RequestDocument(theme, duration, style, language, mode, clipStrategy, script, budget,
                holdForMedia ? Boolean.TRUE : review, draft, output.aspect, output.captionStyle, output.captionPosition,
                output.captionFont, output.captionColor, output.captionHighlight, output.captionSize, music,
                output.musicVolume, output.voice, output.speechRate).toRequest();
    }

    private ScriptDocument script() {
        if (scriptFile == null) {
            return null;
        }
        return JsonFile.read(scriptFile, ScriptDocument.class, "script", "a valid script file");
    }

    /** Copies final.mp4 from the library to {@code --out} (a copy of its own: editing it leaves the library alone). */
    private void deliver(Workspace ws, VideoId id, VideoView.Detail r) {
        ArtifactKey key = ArtifactKey.finalVideo(id);
        String source = ws.artifacts().locate(key);
        Path target = out != null ? out : Path.of(id.value() + ".mp4");
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".reelforge-", ".mp4");
            long size = ws.artifacts().info(key).map(ArtifactStore.Info::size).orElse(0L);
            try (ArtifactStore.Content content = ws.artifacts().open(key, 0, size)
                    .orElseThrow(() -> new ReelForgeException("final.mp4 of " + id + " is missing from " + source));
                 var copy = Files.newOutputStream(temp)) {
                content.stream().transferTo(copy);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReelForgeException("The video is done (" + source + ") but could not be copied to " + target + ": " + e.getMessage(), e);
        }
        System.out.println(String.format(Locale.ROOT, "Done: %s (%d blocks, spent $%s, saved by resume $%s) — library copy: %s",
                target, r.completedBlocks(), usd(r.costs().spentUsd()), usd(r.costs().savedUsd()), source));
    }

    private static String usd(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}

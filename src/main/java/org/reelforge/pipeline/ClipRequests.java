package org.reelforge.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.reelforge.media.ClipInspector;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.Scratch;
import org.reelforge.video.Block;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRun;

/**
 * What to ask the clip model for one block, by strategy: {@code parallel} asks for every block alone; {@code extend}
 * continues the last finished clip, and starts a new chain from that clip's last frame once the model's cumulative
 * limit would be passed; {@code anchored} gives every block after the first a key frame of block 1, so the presenter
 * and setting stay the same. Also which blocks may start now, and the digest of what a clip was made from.
 */
final class ClipRequests {
    /** Where in block 1's clip its key frame is taken: late enough for the scene to be set. */
    private static final long KEY_FRAME_MILLIS = 1_500;
    private final ClipGenerator generator;
    private final Artifacts artifacts;
    private final ClipInspector inspector;
    private final PipelineSettings settings;

    ClipRequests(ClipGenerator generator, Artifacts artifacts, ClipInspector inspector, PipelineSettings settings) {
        this.generator = generator;
        this.artifacts = artifacts;
        this.inspector = inspector;
        this.settings = settings;
    }

    /** The blocks to submit for the first time now. */
    List<Block> toStart(VideoRun run) {
        // (blocks made from a person's own file start like the others: the clips step makes them instead of the model)
        Script script = run.requireScript();
        List<Block> missing = script.blocks().stream().filter(b -> run.clip(b.index()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return missing;
        }
        return switch (run.video().request().clipStrategy()) {
            case PARALLEL -> missing;
            case EXTEND -> {
                Block next = missing.get(0);
                boolean previousSettled = next.index() == 1
                        || run.clip(next.index() - 1).map(ClipOperation::isSettled).orElse(false);
                yield previousSettled ? List.of(next) : List.of();
            }
            case ANCHORED -> {
                Optional<ClipOperation> first = run.clip(1);
                if (first.isEmpty()) {
                    yield List.of(script.block(1));
                }
                yield first.get().isSettled() ? missing : List.of();
            }
        };
    }

    String resolution(Video video) {
        return video.isDraft() ? generator.capabilities().draftResolution() : finalResolution();
    }

    private String finalResolution() {
        return settings.clipResolution() != null ? settings.clipResolution() : generator.capabilities().defaultResolution();
    }

    /** The digest a final-quality clip of {@code block} would have: equal to a draft clip's when the draft is final quality. */
    String finalDigest(VideoRun run, Block block) {
        boolean speaks = run.video().request().mode() == Mode.NATIVE_AUDIO;
        return digest(run.requireScript().clipPrompt(block), speaks ? block.spokenText() : "", block.durationSeconds(),
                finalResolution(), aspectRatio(run.video()));
    }

    /**
     * The shape asked of the model: the video's own when the model makes it, else the closest it makes (a square video
     * from a model without 1:1 gets landscape clips, which the assembly fits into the square).
     */
    String aspectRatio(Video video) {
        List<String> offered = generator.capabilities().aspectRatios();
        String wanted = video.request().output().aspect().ratio();
        if (offered.contains(wanted)) {
            return wanted;
        }
        for (String fallback : List.of("16:9", "9:16")) {
            if (offered.contains(fallback)) {
                return fallback;
            }
        }
        return offered.get(0);
    }

    /** @param frames where this pass keeps the stills it gives the model (a key frame, a last frame) */
    ClipGenerator.ClipRequest build(VideoRun run, Block block, String prompt, java.util.function.Supplier<Scratch.Dir> frames) {
        Video v = run.video();
        boolean speaks = v.request().mode() == Mode.NATIVE_AUDIO;
        Optional<String> extendFrom = Optional.empty();
        Optional<Path> firstFrame = Optional.empty();
        Optional<Path> reference = Optional.empty();
        ClipStrategy strategy = v.request().clipStrategy();
        if (strategy == ClipStrategy.EXTEND) {
            Optional<ClipOperation> previous = run.lastSuccessBefore(block.index());
            if (previous.isPresent()) {
                if (fitsTheChain(run, previous.get(), block)) {
                    extendFrom = Optional.ofNullable(previous.get().resultRef());
                } else {
                    firstFrame = Optional.of(lastFrame(run, previous.get(), frames.get()));
                }
            }
        } else if (strategy == ClipStrategy.ANCHORED && block.index() > 1
                && run.clip(1).map(c -> c.status() == ClipStatus.SUCCESS).orElse(false)) {
            reference = Optional.of(keyFrame(run, frames.get()));
        }
        return new ClipGenerator.ClipRequest(v.id(), block.index(), block.durationSeconds(), prompt,
                speaks ? block.spokenText() : "", speaks, v.request().language(), extendFrom, block.onScreenText(),
                resolution(v), aspectRatio(v), reference, firstFrame);
    }

    /**
     * Whether extending {@code previous}'s video by {@code block} stays within what the model can extend to: the
     * video {@code previous} belongs to is as long as where its part starts plus its block.
     */
    private boolean fitsTheChain(VideoRun run, ClipOperation previous, Block block) {
        ClipCapabilities.Extension ext = generator.capabilities().extension();
        if (ext == null || previous.resultRef() == null) {
            return false;
        }
        long chain = previous.resultOffsetMillis() + run.requireScript().block(previous.blockIndex()).durationSeconds() * 1000L;
        return chain / 1000.0 + block.durationSeconds() <= ext.maxTotalSeconds() && chain / 1000.0 <= ext.maxInputSeconds();
    }

    private Path keyFrame(VideoRun run, Scratch.Dir dir) {
        Path png = dir.resolve("block_1_key.png");
        if (!Files.isRegularFile(png)) {
            ClipOperation first = run.clip(1).orElseThrow();
            inspector.frame(clipFile(run, 1, dir), first.resultOffsetMillis() + KEY_FRAME_MILLIS, png);
        }
        return png;
    }

    private Path lastFrame(VideoRun run, ClipOperation clip, Scratch.Dir dir) {
        Path png = dir.resolve("block_" + clip.blockIndex() + "_last.png");
        if (!Files.isRegularFile(png)) {
            long end = clip.resultOffsetMillis() + run.requireScript().block(clip.blockIndex()).durationSeconds() * 1000L;
            inspector.frame(clipFile(run, clip.blockIndex(), dir), end - 100, png);
        }
        return png;
    }

    private Path clipFile(VideoRun run, int block, Scratch.Dir dir) {
        return artifacts.fetch(ArtifactKey.clip(run.id(), block), dir, "block_" + block + ".mp4")
                .orElseThrow(() -> new IllegalStateException("the clip of block " + block + " of " + run.id() + " is missing"));
    }

    /** A digest of what a clip is made from: a block whose digest changed needs a new clip. */
    static String digest(ClipGenerator.ClipRequest r) {
        return digest(r.prompt(), r.spokenText(), r.durationSeconds(), r.resolution(), r.aspectRatio());
    }

    private static String digest(String prompt, String spoken, int seconds, String resolution, String aspect) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(prompt, spoken, Integer.toString(seconds), resolution, aspect)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

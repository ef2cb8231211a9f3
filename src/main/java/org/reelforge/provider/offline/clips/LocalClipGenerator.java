package org.reelforge.provider.offline.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.reelforge.media.MediaException;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/**
 * The offline video model: behaves like a remote long-running service, draws clips locally with
 * {@link ClipRenderer}. {@link #submit} returns an operation name at once; {@link #poll} says Running
 * until the injected latency has passed on the injected {@link Clock}, then Done (or the injected fault);
 * {@link #download} copies the clip. The clip is rendered lazily, at the first poll that finds the
 * operation done (or at download), and cached, so a second download costs nothing.
 *
 * <p>State lives in files under the state directory (see {@link LocalOperationStore}): an operation
 * submitted before the process was killed is known after a restart, and every submission is appended to
 * {@code submissions.log}, so another process can check that nothing was submitted twice
 * ({@link #submissions(VideoId, int)}).
 *
 * <p>Faults come from {@link LocalFaults}, usually read from the environment:
 * <ul>
 * <li>{@code REELFORGE_LOCAL_CLIP_LATENCY}: time from submit to done, e.g. {@code 500ms}, {@code 20s},
 *     {@code 2m}, {@code 1h} (a bare number is seconds); default 0: done at the first poll.</li>
 * <li>{@code REELFORGE_LOCAL_CLIP_FAILURE_RATE}: share (0–1) of submissions that fail; half of them at submit
 *     with a TRANSIENT {@link ProviderException} (like an HTTP 500), half as an operation that finishes with
 *     an error (Poll.Failed, TRANSIENT). Default 0.</li>
 * <li>{@code REELFORGE_LOCAL_CLIP_STUCK_RATE}: share of operations that never finish. Default 0.</li>
 * <li>{@code REELFORGE_LOCAL_CLIP_REFUSAL_RATE}: share of operations that finish without a clip: Poll.Failed
 *     with a REFUSED exception, category USAGE_GUIDELINES, worded like Veo's safety filter. Default 0.</li>
 * <li>{@code REELFORGE_LOCAL_SEED}: integer seed; each submission's fate is drawn from a hash of the seed, the
 *     video id, the block and that block's attempt number, so the same seed gives the same faults whatever
 *     the thread order. Default 0.</li>
 * </ul>
 * The three rates must add up to at most 1. Invalid values raise an exception naming the variable.
 *
 * <p>A render that fails makes {@code poll}/{@code download} throw a TRANSIENT {@link ProviderException}
 * (like an HTTP 500 on the poll call); the next poll tries again.
 *
 * <p>Thread-safe; submits from several processes on one state directory take turns on a file lock.
 */
public final class LocalClipGenerator implements ClipGenerator {
    public static final String PROVIDER = "local-clips";
    static final String RESULT_PREFIX = "local-clip:";

    private final LocalOperationStore store;
    private final Renderer renderer;
    private final LocalFaults faults;
    private final Clock clock;
    private final Map<String, Object> renderLocks = new ConcurrentHashMap<>();

    /** Draws a scene into {@code target}; {@link ClipRenderer#render} in production, a fake in unit tests. */
    @FunctionalInterface
    public interface Renderer {
        void render(ClipRenderer.Scene scene, Path target, Path workDir);
    }

    /** One submit received, accepted (with its operation name) or rejected by an injected failure. */
    public record Submission(Instant at, VideoId videoId, int blockIndex, int attempt, Optional<String> operationName,
                             boolean accepted) {
    }

    public LocalClipGenerator(Path stateDir, Renderer renderer, LocalFaults faults, Clock clock) {
        this.store = new LocalOperationStore(Objects.requireNonNull(stateDir, "stateDir"));
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalClipGenerator(Path stateDir, ClipRenderer renderer, LocalFaults faults, Clock clock) {
        this(stateDir, (Renderer) renderer::render, faults, clock);
    }

    /** Draws any length; every aspect; "resolutions" are only labels here (the renderer draws at the output size). */
    private static final ClipCapabilities CAPABILITIES = new ClipCapabilities(PROVIDER, ClipLengths.range(1, 60),
            List.of("360p", "720p", "1080p"), "360p", List.of("9:16", "1:1", "16:9"), true,
            new ClipCapabilities.Extension(ClipLengths.range(1, 60), 600, 600), 3, true, 4000);

    @Override
    public ClipCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public Submitted submit(ClipRequest request) {
        ClipLook look = look(request);
        return store.locked(() -> {
            int attempt = submissions(request.videoId(), request.blockIndex()).size() + 1;
            Instant now = clock.instant();
            LocalFaults.Fate fate = faults.fate(request.videoId(), request.blockIndex(), attempt);
            if (fate == LocalFaults.Fate.REJECTED_AT_SUBMIT) {
                store.append(new Submission(now, request.videoId(), request.blockIndex(), attempt, Optional.empty(), false));
                throw ProviderException.transientError(PROVIDER, "HTTP 500 INTERNAL: the service is unavailable, try again"
                        + " (injected by " + LocalFaults.FAILURE_RATE + ")", null);
            }
            String name = LocalOperationStore.operationName(request.videoId(), request.blockIndex(), attempt);
            store.save(operation(request, name, attempt, now, fate, look));
            store.append(new Submission(now, request.videoId(), request.blockIndex(), attempt, Optional.of(name), true));
            return new Submitted(name, new ProviderCall(PROVIDER, "clip", request.durationSeconds(), "second"));
        });
    }

    @Override
    public Poll poll(String operationName) {
        Optional<LocalOperation> found = store.find(operationName);
        if (found.isEmpty()) {
            return new Poll.Failed(ProviderException.permanent(PROVIDER, "operation " + operationName + " not found (HTTP 404)"));
        }
        LocalOperation operation = found.get();
        if (operation.fate() == LocalFaults.Fate.STUCK || clock.millis() < operation.readyAtMillis()) {
            return new Poll.Running();
        }
        return switch (operation.fate()) {
            case FAILS_WHEN_DONE -> new Poll.Failed(ProviderException.transientError(PROVIDER, "operation " + operationName
                    + " finished with error code 13: internal error during generation (injected by "
                    + LocalFaults.FAILURE_RATE + ")", null));
            case REFUSED -> new Poll.Failed(ProviderException.refused(PROVIDER, ErrorCategory.USAGE_GUIDELINES,
                    "Veo could not generate videos because the input prompt violates the usage guidelines; raiMediaFilteredReasons:"
                            + " sensitive content (injected by " + LocalFaults.REFUSAL_RATE + ")"));
            default -> {
                rendered(operation);
                yield new Poll.Done(RESULT_PREFIX + operation.name());
            }
        };
    }

    @Override
    public void download(String operationName, Path target) {
        Poll state = poll(operationName);
        if (!(state instanceof Poll.Done)) {
            throw ProviderException.permanent(PROVIDER, "operation " + operationName + " has no clip to download: " + state);
        }
        Path clip = rendered(store.find(operationName).orElseThrow());
        try {
            Files.copy(clip, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.transientError(PROVIDER, "could not copy " + clip + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Every submission this state directory has received, in order, read from disk. */
    public List<Submission> submissions() {
        return store.submissions();
    }

    /** The submissions of one block of one video, in order. */
    public List<Submission> submissions(VideoId videoId, int blockIndex) {
        return submissions().stream().filter(s -> s.videoId().equals(videoId) && s.blockIndex() == blockIndex).toList();
    }

    /** The cached clip of a done operation, rendered now if it is not there yet. */
    private Path rendered(LocalOperation operation) {
        Path clip = store.clip(operation.name());
        synchronized (renderLocks.computeIfAbsent(operation.name(), key -> new Object())) {
            if (!Files.exists(clip)) {
                render(operation, clip);
            }
        }
        return clip;
    }

    private void render(LocalOperation operation, Path clip) {
        Path workDir = store.workDir(operation.name());
        try {
            renderer.render(scene(operation), clip, workDir);
        } catch (MediaException e) {
            // the work dir stays for diagnosis; the next poll renders again
            throw ProviderException.transientError(PROVIDER, "rendering the clip of " + operation.name() + " failed (work files kept in "
                    + workDir + "): " + e.getMessage(), e);
        }
        deleteTree(workDir);
    }

    private static ClipRenderer.Scene scene(LocalOperation op) {
        return new ClipRenderer.Scene(op.blockIndex(), op.durationSeconds(), op.prompt(), op.spokenText(), op.withSpeech(),
                Language.of(op.language()), op.onScreenText(), op.look(), op.extendsBlock());
    }

    /** The prompt's own look, or in extend mode the previous clip's look continued after it. */
    private ClipLook look(ClipRequest request) {
        if (request.extendFrom() == null || request.extendFrom().isEmpty()) {
            return ClipLook.fromPrompt(request.prompt());
        }
        LocalOperation previous = previous(request.extendFrom().get());
        return previous.look().continued(previous.durationSeconds());
    }

    private LocalOperation previous(String resultRef) {
        String name = resultRef.startsWith(RESULT_PREFIX) ? resultRef.substring(RESULT_PREFIX.length()) : resultRef;
        return store.find(name).filter(op -> op.fate() == LocalFaults.Fate.SUCCEEDS).orElseThrow(() ->
                ProviderException.permanent(PROVIDER, "HTTP 400 INVALID_ARGUMENT: cannot extend unknown video \"" + resultRef + "\""));
    }

    private LocalOperation operation(ClipRequest request, String name, int attempt, Instant now, LocalFaults.Fate fate,
                                     ClipLook look) {
        int extendsBlock = request.extendFrom() != null && request.extendFrom().isPresent()
                ? previous(request.extendFrom().get()).blockIndex() : 0;
        return new LocalOperation(name, request.videoId().value(), request.blockIndex(), attempt, now.toEpochMilli(),
                now.plus(faults.latency()).toEpochMilli(), fate, request.durationSeconds(), request.prompt(),
                request.spokenText(), request.withSpeech(), request.language().tag(), request.onScreenText(), look, extendsBlock);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw ProviderException.transientError(PROVIDER, "could not clean " + dir + ": " + e.getMessage(), e);
        }
    }
}

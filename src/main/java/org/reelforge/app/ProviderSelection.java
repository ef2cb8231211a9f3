package org.reelforge.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reelforge.ReelForgeException;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.catalog.ModelPreflight;
import org.reelforge.media.Ffmpeg;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.pipeline.Providers;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.Preflight;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.limit.GatedProviders;
import org.reelforge.provider.limit.ProviderGate;
import org.reelforge.provider.offline.align.AlignmentTranscriber;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.LocalClipGenerator;
import org.reelforge.provider.offline.clips.LocalFaults;
import org.reelforge.provider.offline.script.BuiltinScriptWriter;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;

/**
 * Picks the provider of each step. {@code REELFORGE_<STEP>_PROVIDER} names one explicitly; {@code auto} (the default)
 * takes the first real service whose key is configured, else the offline provider — and says which, and why. Models
 * and their capabilities come from the model catalog. Every real provider is wrapped in its {@link ProviderGate}
 * (one rate-limit wait per provider, {@code REELFORGE_<PROVIDER>_CONCURRENCY} simultaneous calls), and its model is
 * checked by the pre-flight before a video's first paid call. The only place that knows every adapter.
 */
final class ProviderSelection {
    static final Duration LOOKUP_CACHE = Duration.ofMinutes(10);

    record Chosen(Providers providers, PipelineSettings settings, List<String> summary, List<StepChoice> steps,
                  ModelPreflight preflight, ModelCatalog catalog, String clipResolution) {
    }

    /** A real provider, built: the port, the model it uses, where that model lives and how to look it up. */
    record Built<T>(T port, String service, String model, String modelVariable, ModelLookup lookup) {
    }

    /**
     * One candidate provider of a step.
     *
     * @param key   its name in {@code REELFORGE_<STEP>_PROVIDER}
     * @param needs the variables it needs, for messages
     * @param auto  whether {@code auto} may pick it (a shut-down or preview service is chosen only by name)
     */
    record Candidate<T>(String key, String needs, boolean auto, Supplier<Optional<Built<T>>> build) {
    }

    /** What one step uses and why. */
    record StepChoice(String step, String provider, String model, String service, String reason, String keyVariable,
                      boolean keySet, Optional<ModelPreflight.Target> target) {
    }

    private ProviderSelection() {
    }

    static Chosen choose(Config config, Clock clock, Ffmpeg ffmpeg) {
        Map<String, String> env = config.env();
        ModelCatalog catalog = config.catalog();
        Settings settings = config.settings();
        RealProviders real = new RealProviders(env, new CatalogModels(catalog));
        List<StepChoice> steps = new ArrayList<>();
        Gates gates = new Gates(settings, config.pipeline().rateLimitWait(), clock);
        EspeakSpeechSynthesizer espeak = new EspeakSpeechSynthesizer();
        ScriptWriter writer = pick("script", env, steps, new BuiltinScriptWriter(), BuiltinScriptWriter.NAME,
                "built-in writer", w -> GatedProviders.of(w, gates.of(w.name())), real.scriptWriters());
        SpeechSynthesizer speech = pick("voice", env, steps, espeak, "espeak-ng", "espeak-ng",
                s -> GatedProviders.of(s, gates.of(s.name())), real.voices());
        LocalFaults faults = LocalFaults.fromEnvironment(env);
        LocalClipGenerator local = new LocalClipGenerator(localState(config),
                new ClipRenderer(ffmpeg, espeak, config.x264Preset()), faults, clock);
        ClipGenerator clips = pick("clip", env, steps, local, LocalClipGenerator.PROVIDER,
                "local renderer (ffmpeg + espeak-ng)" + describe(faults), c -> GatedProviders.of(c, gates.of(c.name())),
                real.clipGenerators());
        AlignmentTranscriber aligner = new AlignmentTranscriber(espeak);
        Transcriber transcriber = pick("transcriber", env, steps, aligner, "aligner", "forced alignment of the known text",
                t -> GatedProviders.of(t, gates.of(t.name())), real.transcribers(aligner));
        ModelPreflight preflight = new ModelPreflight(catalog, steps.stream().flatMap(s -> s.target().stream()).toList(),
                clock, LOOKUP_CACHE);
        String resolution = config.clipResolution(clips.capabilities());
        PipelineSettings pipeline = config.pipeline().withClipResolution(resolution);
        if (clips == local && !config.firstPollSet()) {
            pipeline = pipeline.withFirstPoll(clamp(faults.latency(), Duration.ofSeconds(1), pipeline.firstPoll()));
        }
        Preflight check = preflight.targets().isEmpty() ? Preflight.NONE : preflight;
        List<String> summary = steps.stream().map(s -> s.step() + ": " + s.provider()
                + (s.model().equals(s.provider()) ? "" : " " + s.model()) + " (" + s.reason() + ")").toList();
        return new Chosen(new Providers(writer, speech, clips, transcriber, check), pipeline, summary, steps, preflight,
                catalog, resolution);
    }

    @SafeVarargs
    private static <T> T pick(String step, Map<String, String> env, List<StepChoice> steps, T offline, String offlineModel,
                              String offlineName, Function<T, T> gate, Candidate<T>... real) {
        String variable = "REELFORGE_" + step.toUpperCase(Locale.ROOT) + "_PROVIDER";
        String wanted = env.getOrDefault(variable, "auto").strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("offline")) {
            steps.add(offline(step, offlineModel, offlineName + ", offline as " + variable + " asks"));
            return offline;
        }
        for (Candidate<T> c : real) {
            if ((wanted.equals("auto") && c.auto()) || wanted.equals(c.key())) {
                Optional<Built<T>> built = c.build().get();
                if (built.isPresent()) {
                    Built<T> b = built.get();
                    String why = wanted.equals("auto") ? c.needs() + " is set" : variable + "=" + c.key();
                    steps.add(new StepChoice(step, c.key(), b.model(), b.service(), why, c.needs(), true,
                            Optional.of(new ModelPreflight.Target(step, c.key(), b.service(), b.model(), b.modelVariable(),
                                    b.lookup()))));
                    return gate.apply(b.port());
                }
                if (wanted.equals(c.key())) {
                    throw new ReelForgeException(variable + "=" + c.key() + " needs " + c.needs());
                }
            }
        }
        if (!wanted.equals("auto")) {
            throw new ReelForgeException(variable + " must be auto, offline or one of "
                    + String.join(", ", Arrays.stream(real).map(Candidate::key).toList()) + " (got \"" + wanted + "\")");
        }
        steps.add(offline(step, offlineModel, offlineName + ", offline: no key configured"));
        return offline;
    }

    private static StepChoice offline(String step, String model, String reason) {
        return new StepChoice(step, "offline", model, "local", reason, "", false, Optional.empty());
    }

    static Path localState(Config config) {
        return config.dataDir().toAbsolutePath().resolve("local-provider");
    }

    private static String describe(LocalFaults f) {
        if (f.equals(LocalFaults.NONE)) {
            return "";
        }
        return " with injected faults: latency " + f.latency().toMillis() + " ms, failure " + f.failureRate() + ", stuck "
                + f.stuckRate() + ", refusal " + f.refusalRate() + ", seed " + f.seed();
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}

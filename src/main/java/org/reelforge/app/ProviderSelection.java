package org.reelforge.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.reelforge.ReelForgeException;
import org.reelforge.media.Ffmpeg;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.pipeline.Providers;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.elevenlabs.ElevenLabsSpeechSynthesizer;
import org.reelforge.provider.gemini.GeminiScriptWriter;
import org.reelforge.provider.offline.align.AlignmentTranscriber;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.LocalClipGenerator;
import org.reelforge.provider.offline.clips.LocalFaults;
import org.reelforge.provider.offline.script.BuiltinScriptWriter;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.provider.openai.OpenAiScriptWriter;
import org.reelforge.provider.veo.VeoClipGenerator;
import org.reelforge.provider.veo.VertexVeoClipGenerator;
import org.reelforge.provider.whisper.OpenAiTranscriber;
import org.reelforge.provider.whisper.WhisperCppTranscriber;

/**
 * Picks the provider of each step. {@code REELFORGE_<STEP>_PROVIDER} names one explicitly; {@code auto} (the default)
 * takes the first real service whose key is configured, else the offline provider — and says which, and why.
 * The only place that knows every adapter.
 */
final class ProviderSelection {
    record Chosen(Providers providers, PipelineSettings settings, List<String> summary) {
    }

    /** One candidate provider of a step: its name in configuration and how to build it from the environment. */
    private record Candidate<T>(String key, String needs, Supplier<Optional<? extends T>> build) {
    }

    private ProviderSelection() {
    }

    static Chosen choose(Config config, Clock clock, Ffmpeg ffmpeg) {
        Map<String, String> env = config.env();
        List<String> summary = new ArrayList<>();
        EspeakSpeechSynthesizer espeak = new EspeakSpeechSynthesizer();
        ScriptWriter writer = pick("script", env, summary, new BuiltinScriptWriter(), "built-in writer",
                new Candidate<>("gemini", "REELFORGE_GEMINI_API_KEY", () -> GeminiScriptWriter.fromEnvironment(env)),
                new Candidate<>("openai", "REELFORGE_OPENAI_API_KEY or REELFORGE_OPENAI_BASE_URL",
                        () -> OpenAiScriptWriter.fromEnvironment(env)));
        SpeechSynthesizer speech = pick("voice", env, summary, espeak, "espeak-ng",
                new Candidate<>("elevenlabs", "REELFORGE_ELEVENLABS_API_KEY", () -> ElevenLabsSpeechSynthesizer.fromEnvironment(env)));
        LocalFaults faults = LocalFaults.fromEnvironment(env);
        LocalClipGenerator local = new LocalClipGenerator(localState(config),
                new ClipRenderer(ffmpeg, espeak, config.x264Preset()), faults, clock);
        ClipGenerator clips = pick("clip", env, summary, local, "local renderer (ffmpeg + espeak-ng)" + describe(faults),
                new Candidate<>("vertex", "REELFORGE_VERTEX_PROJECT and REELFORGE_VERTEX_ACCESS_TOKEN (or _ACCESS_TOKEN_FILE)",
                        () -> VertexVeoClipGenerator.fromEnvironment(env)),
                new Candidate<>("veo", "REELFORGE_GEMINI_API_KEY", () -> VeoClipGenerator.fromEnvironment(env)));
        Transcriber transcriber = pick("transcriber", env, summary, new AlignmentTranscriber(espeak),
                "forced alignment of the known text",
                new Candidate<>("whispercpp", "REELFORGE_WHISPERCPP_BASE_URL", () -> WhisperCppTranscriber.fromEnvironment(env)),
                new Candidate<>("whisper", "REELFORGE_WHISPER_API_KEY or REELFORGE_OPENAI_API_KEY",
                        () -> OpenAiTranscriber.fromEnvironment(env)));
        PipelineSettings settings = config.pipeline();
        if (clips == local && !config.firstPollSet()) {
            settings = settings.withFirstPoll(clamp(faults.latency(), Duration.ofSeconds(1), settings.firstPoll()));
        }
        return new Chosen(new Providers(writer, speech, clips, transcriber), settings, summary);
    }

    @SafeVarargs
    private static <T> T pick(String step, Map<String, String> env, List<String> summary, T offline, String offlineName,
                              Candidate<T>... real) {
        String variable = "REELFORGE_" + step.toUpperCase(Locale.ROOT) + "_PROVIDER";
        String wanted = env.getOrDefault(variable, "auto").strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("offline")) {
            summary.add(step + ": " + offlineName + " (offline, as " + variable + " asks)");
            return offline;
        }
        for (Candidate<T> c : real) {
            if (wanted.equals("auto") || wanted.equals(c.key())) {
                Optional<? extends T> built = c.build().get();
                if (built.isPresent()) {
                    summary.add(step + ": " + c.key() + " (" + c.needs() + " is set)");
                    return built.get();
                }
                if (wanted.equals(c.key())) {
                    throw new ReelForgeException(variable + "=" + c.key() + " needs " + c.needs());
                }
            }
        }
        if (!wanted.equals("auto")) {
            throw new ReelForgeException(variable + " must be auto, offline or one of "
                    + String.join(", ", java.util.Arrays.stream(real).map(Candidate::key).toList()) + " (got \"" + wanted + "\")");
        }
        summary.add(step + ": " + offlineName + " (offline; no key configured)");
        return offline;
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

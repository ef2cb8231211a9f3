package org.reelforge.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reelforge.media.ClipRenderer;
import org.reelforge.media.Ffmpeg;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.pipeline.Providers;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.offline.AlignmentTranscriber;
import org.reelforge.provider.offline.BuiltinScriptWriter;
import org.reelforge.provider.offline.EspeakSpeechSynthesizer;
import org.reelforge.provider.offline.LocalClipGenerator;
import org.reelforge.provider.offline.LocalFaults;

/**
 * Picks the provider of each step from the configuration: a real service where its key is set, else the
 * offline one, with a line saying which and why. The only place that knows every adapter.
 */
final class ProviderSelection {
    record Chosen(Providers providers, PipelineSettings settings, List<String> summary) {
    }

    private ProviderSelection() {
    }

    static Chosen choose(Config config, Clock clock, Ffmpeg ffmpeg) {
        List<String> summary = new ArrayList<>();
        ScriptWriter writer = new BuiltinScriptWriter();
        summary.add("script: built-in writer (offline; no LLM key configured)");
        SpeechSynthesizer speech = new EspeakSpeechSynthesizer();
        summary.add("voice: espeak-ng (offline)");
        LocalFaults faults = LocalFaults.fromEnvironment(config.env());
        ClipGenerator clips = new LocalClipGenerator(localState(config), new ClipRenderer(ffmpeg, speech, config.x264Preset()),
                faults, clock);
        summary.add("clips: local renderer, ffmpeg + espeak-ng (offline; no video-model key configured)" + describe(faults));
        Transcriber transcriber = new AlignmentTranscriber();
        summary.add("captions: forced alignment of the known text (offline)");
        PipelineSettings settings = config.pipeline();
        if (!config.firstPollSet()) {
            settings = settings.withFirstPoll(clamp(faults.latency(), Duration.ofSeconds(1), settings.firstPoll()));
        }
        return new Chosen(new Providers(writer, speech, clips, transcriber), settings, summary);
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

package org.reelforge.provider.meter;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.video.Block;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/** Decorators that time every call of a port into a {@link ProviderMeter}; behaviour is otherwise unchanged. */
public final class MeteredProviders {
    private MeteredProviders() {
    }

    public static ScriptWriter of(ScriptWriter w, ProviderMeter meter) {
        return new ScriptWriter() {
            @Override
            public String name() {
                return w.name();
            }

            @Override
            public List<ProviderCall> quote(Brief brief) {
                return w.quote(brief);
            }

            @Override
            public Written write(Brief brief) {
                return meter.time(w.name(), "script", () -> w.write(brief));
            }

            @Override
            public Written adaptForSpeech(Script script, Language language) {
                return meter.time(w.name(), "adapt", () -> w.adaptForSpeech(script, language));
            }

            @Override
            public boolean writes(Language language) {
                return w.writes(language);
            }

            @Override
            public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String reason, Language language) {
                return meter.time(w.name(), "rewrite", () -> w.rewriteRefusedBlock(block, styleGuide, reason, language));
            }

            @Override
            public RewrittenBlock reviseBlock(Block block, Script script, Language language) {
                return meter.time(w.name(), "rewrite", () -> w.reviseBlock(block, script, language));
            }
        };
    }

    public static ClipGenerator of(ClipGenerator g, ProviderMeter meter) {
        return new ClipGenerator() {
            @Override
            public String name() {
                return g.name();
            }

            @Override
            public ClipCapabilities capabilities() {
                return g.capabilities();
            }

            @Override
            public void checkPlan(List<Integer> blockSeconds, ClipStrategy strategy) {
                g.checkPlan(blockSeconds, strategy);
            }

            @Override
            public ProviderCall quote(ClipRequest request) {
                return g.quote(request);
            }

            @Override
            public Submitted submit(ClipRequest request) {
                return meter.time(g.name(), "submit", () -> g.submit(request));
            }

            @Override
            public Poll poll(String operationName) {
                Poll p = meter.time(g.name(), "poll", () -> g.poll(operationName));
                if (p instanceof Poll.Failed failed) {
                    meter.mark(g.name(), "poll", failed.error());
                }
                return p;
            }

            @Override
            public void download(String operationName, Path target) {
                meter.time(g.name(), "download", () -> {
                    g.download(operationName, target);
                    return null;
                });
            }
        };
    }

    public static SpeechSynthesizer of(SpeechSynthesizer s, ProviderMeter meter) {
        return new SpeechSynthesizer() {
            @Override
            public String name() {
                return s.name();
            }

            @Override
            public ProviderCall quote(int characters) {
                return s.quote(characters);
            }

            @Override
            public Speech synthesize(String text, Language language, double rate, Path target) {
                return meter.time(s.name(), "voice", () -> s.synthesize(text, language, rate, target));
            }

            @Override
            public Speech synthesize(String text, Language language, double rate, String voice, Path target) {
                return meter.time(s.name(), "voice", () -> s.synthesize(text, language, rate, voice, target));
            }

            @Override
            public List<Voice> voices(Language language) {
                return s.voices(language);
            }
        };
    }

    public static Transcriber of(Transcriber t, ProviderMeter meter) {
        return new Transcriber() {
            @Override
            public String name() {
                return t.name();
            }

            @Override
            public ProviderCall quote(long millis) {
                return t.quote(millis);
            }

            @Override
            public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
                return meter.time(t.name(), "transcription", () -> t.transcribe(audio, language, expected));
            }
        };
    }
}

package org.reelforge.provider.limit;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.video.Block;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * Decorators that pass every network call of a port through its provider's {@link ProviderGate} (one shared wait
 * after a rate limit, a cap on simultaneous calls). Calls that never touch the network (names, quotes,
 * capabilities, plan checks) go straight through; behaviour is otherwise unchanged.
 */
public final class GatedProviders {
    private GatedProviders() {
    }

    public static ClipGenerator of(ClipGenerator g, ProviderGate gate) {
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
                return gate.call("submit", () -> g.submit(request));
            }

            @Override
            public Poll poll(String operationName) {
                Poll p = gate.call("poll", () -> g.poll(operationName));
                if (p instanceof Poll.Failed f && f.error().kind() == ProviderException.Kind.RATE_LIMITED) {
                    gate.rateLimited(f.error());
                }
                return p;
            }

            @Override
            public void download(String operationName, Path target) {
                gate.call("download", () -> {
                    g.download(operationName, target);
                    return null;
                });
            }
        };
    }

    public static ScriptWriter of(ScriptWriter w, ProviderGate gate) {
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
                return gate.call("script", () -> w.write(brief));
            }

            @Override
            public Written adaptForSpeech(Script script, Language language) {
                return gate.call("adapt", () -> w.adaptForSpeech(script, language));
            }

            @Override
            public boolean writes(Language language) {
                return w.writes(language);
            }

            @Override
            public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String reason, Language language) {
                return gate.call("rewrite", () -> w.rewriteRefusedBlock(block, styleGuide, reason, language));
            }

            @Override
            public RewrittenBlock reviseBlock(Block block, Script script, Language language) {
                return gate.call("rewrite", () -> w.reviseBlock(block, script, language));
            }
        };
    }

    public static SpeechSynthesizer of(SpeechSynthesizer s, ProviderGate gate) {
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
                return gate.call("voice", () -> s.synthesize(text, language, rate, target));
            }

            @Override
            public Speech synthesize(String text, Language language, double rate, String voice, Path target) {
                return gate.call("voice", () -> s.synthesize(text, language, rate, voice, target));
            }

            @Override
            public java.util.List<Voice> voices(Language language) {
                return s.voices(language);
            }
        };
    }

    public static Transcriber of(Transcriber t, ProviderGate gate) {
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
                return gate.call("transcription", () -> t.transcribe(audio, language, expected));
            }
        };
    }
}

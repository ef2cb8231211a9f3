package org.reelforge.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.reelforge.video.Block;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * What a decorator does around each network call of a port (a rate gate, a meter), and the one set of forwarding
 * decorators that applies it: every call that reaches the provider goes through {@link #call}, named by its operation
 * ({@code script, adapt, rewrite, voice, submit, poll, download, transcription}); names, quotes, capabilities, plan
 * checks and voice lists go straight through. A port method added later is forwarded here once for every decorator.
 */
public interface AroundCalls {
    /** Runs one network call of {@code provider}. */
    <T> T call(String provider, String operation, Supplier<T> call);

    /** A poll that answered with a failed operation (returned, not thrown). */
    default void pollFailed(String provider, ProviderException error) {
    }

    static ScriptWriter of(ScriptWriter w, AroundCalls around) {
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
                return around.call(w.name(), "script", () -> w.write(brief));
            }

            @Override
            public Written adaptForSpeech(Script script, Language language) {
                return around.call(w.name(), "adapt", () -> w.adaptForSpeech(script, language));
            }

            @Override
            public boolean writes(Language language) {
                return w.writes(language);
            }

            @Override
            public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String reason, Language language) {
                return around.call(w.name(), "rewrite", () -> w.rewriteRefusedBlock(block, styleGuide, reason, language));
            }

            @Override
            public RewrittenBlock reviseBlock(Block block, Script script, Language language) {
                return around.call(w.name(), "rewrite", () -> w.reviseBlock(block, script, language));
            }
        };
    }

    static ClipGenerator of(ClipGenerator g, AroundCalls around) {
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
                return around.call(g.name(), "submit", () -> g.submit(request));
            }

            @Override
            public Poll poll(String operationName) {
                Poll p = around.call(g.name(), "poll", () -> g.poll(operationName));
                if (p instanceof Poll.Failed failed) {
                    around.pollFailed(g.name(), failed.error());
                }
                return p;
            }

            @Override
            public void download(String operationName, Path target) {
                around.call(g.name(), "download", () -> {
                    g.download(operationName, target);
                    return null;
                });
            }
        };
    }

    static SpeechSynthesizer of(SpeechSynthesizer s, AroundCalls around) {
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
                return around.call(s.name(), "voice", () -> s.synthesize(text, language, rate, target));
            }

            @Override
            public Speech synthesize(String text, Language language, double rate, String voice, Path target) {
                return around.call(s.name(), "voice", () -> s.synthesize(text, language, rate, voice, target));
            }

            @Override
            public List<Voice> voices(Language language) {
                return s.voices(language);
            }
        };
    }

    static Transcriber of(Transcriber t, AroundCalls around) {
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
                return around.call(t.name(), "transcription", () -> t.transcribe(audio, language, expected));
            }
        };
    }
}

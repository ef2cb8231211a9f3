package org.reelforge.provider.limit;

import java.util.function.Supplier;
import org.reelforge.provider.AroundCalls;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;

/**
 * Decorators that pass every network call of a port through its provider's {@link ProviderGate} (one shared wait
 * after a rate limit, a cap on simultaneous calls); a poll answering a rate-limited operation starts the shared wait
 * too. Calls that never touch the network go straight through ({@link AroundCalls}); behaviour is otherwise unchanged.
 */
public final class GatedProviders {
    private GatedProviders() {
    }

    public static ClipGenerator of(ClipGenerator g, ProviderGate gate) {
        return AroundCalls.of(g, around(gate));
    }

    public static ScriptWriter of(ScriptWriter w, ProviderGate gate) {
        return AroundCalls.of(w, around(gate));
    }

    public static SpeechSynthesizer of(SpeechSynthesizer s, ProviderGate gate) {
        return AroundCalls.of(s, around(gate));
    }

    public static Transcriber of(Transcriber t, ProviderGate gate) {
        return AroundCalls.of(t, around(gate));
    }

    private static AroundCalls around(ProviderGate gate) {
        return new AroundCalls() {
            @Override
            public <T> T call(String provider, String operation, Supplier<T> call) {
                return gate.call(operation, call);
            }

            @Override
            public void pollFailed(String provider, ProviderException error) {
                if (error.kind() == ProviderException.Kind.RATE_LIMITED) {
                    gate.rateLimited(error);
                }
            }
        };
    }
}

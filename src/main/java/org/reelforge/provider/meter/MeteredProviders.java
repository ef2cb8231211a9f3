package org.reelforge.provider.meter;

import java.util.function.Supplier;
import org.reelforge.provider.AroundCalls;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;

/**
 * Decorators that time every network call of a port into a {@link ProviderMeter}, and count a poll answering a failed
 * operation as a failure; behaviour is otherwise unchanged ({@link AroundCalls}).
 */
public final class MeteredProviders {
    private MeteredProviders() {
    }

    public static ScriptWriter of(ScriptWriter w, ProviderMeter meter) {
        return AroundCalls.of(w, around(meter));
    }

    public static ClipGenerator of(ClipGenerator g, ProviderMeter meter) {
        return AroundCalls.of(g, around(meter));
    }

    public static SpeechSynthesizer of(SpeechSynthesizer s, ProviderMeter meter) {
        return AroundCalls.of(s, around(meter));
    }

    public static Transcriber of(Transcriber t, ProviderMeter meter) {
        return AroundCalls.of(t, around(meter));
    }

    private static AroundCalls around(ProviderMeter meter) {
        return new AroundCalls() {
            @Override
            public <T> T call(String provider, String operation, Supplier<T> call) {
                return meter.time(provider, operation, call);
            }

            @Override
            public void pollFailed(String provider, ProviderException error) {
                meter.mark(provider, "poll", error);
            }
        };
    }
}

package org.reelforge.provider;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Turns text into speech with the time of every word. Thread-safe; blocks while synthesizing.
 */
public interface SpeechSynthesizer {
    String name();

    /** What speaking {@code characters} characters is expected to bill, for estimates. */
    default ProviderCall quote(int characters) {
        return new ProviderCall(name(), "voice", characters, "character");
    }

    /**
     * Speaks {@code text} into {@code target} (WAV, mono). {@code rate} scales the speaking speed
     * (1.0 normal, 1.25 a quarter faster), so a caller can fit speech into a block's duration.
     * Word timings are in milliseconds from the start of the file, one per word of {@code text}, in order.
     */
    Speech synthesize(String text, Language language, double rate, Path target);

    /**
     * The same with a voice chosen for this video: an id from the provider's own voice list (an espeak-ng voice
     * such as {@code de+f3}, an ElevenLabs voice id), or null for the provider's configured default. A provider
     * that offers no choice keeps this default, which ignores {@code voice}. An unknown voice fails with a
     * {@link ProviderException} of kind {@code PERMANENT} that names it.
     */
    default Speech synthesize(String text, Language language, double rate, String voice, Path target) {
        return synthesize(text, language, rate, target);
    }

    /**
     * The voices a person may choose for {@code language}, the default first; empty when this provider offers no
     * choice (then {@code voice} is ignored).
     */
    default List<Voice> voices(Language language) {
        return List.of();
    }

    /** A voice to choose: its id (what {@code voice} takes), a name to show, and its language tag. */
    record Voice(String id, String name, String language) {
    }

    record Speech(Path audio, long durationMillis, List<TimedWord> words, ProviderCall call) {
        public Speech {
            words = List.copyOf(words);
        }
    }
}

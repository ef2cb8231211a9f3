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

    record Speech(Path audio, long durationMillis, List<TimedWord> words, ProviderCall call) {
        public Speech {
            words = List.copyOf(words);
        }
    }
}

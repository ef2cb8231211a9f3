package org.reelforge.provider.offline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelforge.video.TimedWord;

class EspeakWordTimesTest {
    private static final int RATE = 1000; // one sample per millisecond keeps the numbers readable

    @Test
    void eachWordStartsAtTheFirstEventInsideItAndEndsWhereItsSoundStops() {
        String text = "Élève 🎉 été";
        short[] audio = sound(0, 300, 400, 600, 700, 900);
        var marks = List.of(word(0, 0), word(6, 400), word(8, 700), word(8, 800), end(900));

        List<TimedWord> words = EspeakWordTimes.of(SpokenWords.of(text), new Espeak.Utterance(audio, RATE, marks));

        assertThat(words).containsExactly(new TimedWord("Élève", 0, 300), new TimedWord("été", 700, 900));
    }

    @Test
    void aWordWithoutEventIsPlacedBetweenItsNeighboursByCharacterPosition() {
        short[] audio = sound(0, 1000);
        var marks = List.of(word(0, 0), word(8, 800), end(1000));

        List<TimedWord> words = EspeakWordTimes.of(SpokenWords.of("aaa bbb ccc"), new Espeak.Utterance(audio, RATE, marks));

        assertThat(words).extracting(TimedWord::startMillis).containsExactly(0L, 400L, 800L);
        assertThat(words.get(1).endMillis()).isEqualTo(800);
    }

    @Test
    void trailingWordsWithoutEventsShareTheRestOfTheSoundByCharacterPosition() {
        short[] audio = sound(0, 900);
        var marks = List.of(word(0, 0));

        List<TimedWord> words = EspeakWordTimes.of(SpokenWords.of("aa bb cc"), new Espeak.Utterance(audio, RATE, marks));

        assertThat(words).extracting(TimedWord::startMillis).containsExactly(0L, 338L, 675L);
        assertThat(words.get(2).endMillis()).isEqualTo(900);
    }

    /** Full-scale sound on each [from, to) pair, silence elsewhere, 1000 samples past the last pair. */
    private static short[] sound(int... bounds) {
        short[] samples = new short[bounds[bounds.length - 1] + 1000];
        for (int i = 0; i < bounds.length; i += 2) {
            for (int s = bounds[i]; s < bounds[i + 1]; s++) {
                samples[s] = (short) (s % 2 == 0 ? 8000 : -8000);
            }
        }
        return samples;
    }

    private static Espeak.Mark word(int position, int sample) {
        return new Espeak.Mark(true, position, sample);
    }

    private static Espeak.Mark end(int sample) {
        return new Espeak.Mark(false, 0, sample);
    }
}

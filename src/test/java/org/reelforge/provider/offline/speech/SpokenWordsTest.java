package org.reelforge.provider.offline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenWordsTest {
    @Test
    void wordsKeepTheirPunctuationAndCodePointPositions() {
        List<SpokenWords.Word> words = SpokenWords.of("Élève 🎉 l'été, «fin»");

        assertThat(words).containsExactly(new SpokenWords.Word("Élève", 0, 5), new SpokenWords.Word("l'été,", 8, 14),
                new SpokenWords.Word("«fin»", 15, 20));
    }

    @Test
    void runsWithoutLetterOrDigitAreNotWords() {
        assertThat(SpokenWords.of(" — & 🎉🔥 ... ")).isEmpty();
        assertThat(SpokenWords.of("2024 !")).extracting(SpokenWords.Word::text).containsExactly("2024");
    }

    @Test
    void anyUnicodeSpaceSeparatesWords() {
        assertThat(SpokenWords.of("a\u00A0b\tc\nd\u2009e")).extracting(SpokenWords.Word::text)
                .containsExactly("a", "b", "c", "d", "e");
    }
}

package org.reelforge.provider.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reelforge.video.TimedWord;

class CharacterAlignmentTest {
    @Test
    void withoutAlignmentWordsAreSpreadByLength() {
        assertThat(CharacterAlignment.spread("ab  abcd ab", 800)).containsExactly(new TimedWord("ab", 0, 200),
                new TimedWord("abcd", 200, 600), new TimedWord("ab", 600, 800));
    }

    @Test
    void speedStaysWithinElevenLabsLimits() {
        assertThat(ElevenLabsSpeechSynthesizer.speed(2)).isEqualTo(1.2);
        assertThat(ElevenLabsSpeechSynthesizer.speed(0.1)).isEqualTo(0.7);
        assertThat(ElevenLabsSpeechSynthesizer.speed(1.1)).isEqualTo(1.1);
    }
}

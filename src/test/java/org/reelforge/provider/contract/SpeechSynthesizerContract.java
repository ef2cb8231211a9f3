package org.reelforge.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/** What the pipeline relies on from any {@link SpeechSynthesizer}, offline or real. */
abstract class SpeechSynthesizerContract {
    static final String TEXT = "Voici le volcan et la lave.";
    @TempDir
    Path dir;

    abstract SpeechSynthesizer synthesizer();

    @Test
    void speaksIntoAWavWithOneTimedWordPerWordInOrder() {
        SpeechSynthesizer.Speech s = synthesizer().synthesize(TEXT, Language.FR, 1.0, dir.resolve("voice.wav"));

        assertThat(Probe.of(Ffmpeg.onPath(), s.audio()).hasAudio()).isTrue();
        assertThat(s.durationMillis()).isPositive();
        assertThat(s.words()).extracting(TimedWord::text).containsExactly("Voici", "le", "volcan", "et", "la", "lave.");
        for (int i = 1; i < s.words().size(); i++) {
            assertThat(s.words().get(i).startMillis()).isGreaterThanOrEqualTo(s.words().get(i - 1).startMillis());
        }
        assertThat(s.words().get(s.words().size() - 1).endMillis()).isLessThanOrEqualTo(s.durationMillis() + 50);
    }

    @Test
    void billsTheCharactersItWasGiven() {
        SpeechSynthesizer g = synthesizer();
        SpeechSynthesizer.Speech s = g.synthesize(TEXT, Language.FR, 1.0, dir.resolve("voice.wav"));
        assertThat(s.call()).isEqualTo(g.quote(TEXT.length()));
    }
}

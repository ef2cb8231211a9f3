package org.reelforge.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/** What the pipeline relies on from any {@link Transcriber}, offline or real. */
abstract class TranscriberContract {
    @TempDir
    Path dir;

    abstract Transcriber transcriber();

    @Test
    void findsTheSpokenWordsInOrderInsideTheAudio() {
        SpeechSynthesizer.Speech speech = new EspeakSpeechSynthesizer()
                .synthesize("voici le volcan", Language.FR, 1.0, dir.resolve("speech.wav"));

        Transcriber.Transcript t = transcriber().transcribe(speech.audio(), Language.FR,
                List.of(new Transcriber.Segment("voici le volcan", 0, speech.durationMillis())));

        assertThat(t.words()).extracting(w -> w.text().toLowerCase(java.util.Locale.ROOT)).containsExactly("voici", "le", "volcan");
        for (TimedWord w : t.words()) {
            assertThat(w.endMillis()).isLessThanOrEqualTo(speech.durationMillis() + 50);
        }
        assertThat(t.call().operation()).isEqualTo("transcription");
    }
}

package org.reelforge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.video.TimedWord;

class SpokenMatchTest {
    @Test
    void aRecognisersWordsAreComparedWithEachSegmentTheyStartIn() {
        List<TimedWord> heard = List.of(new TimedWord("Voici", 100, 400), new TimedWord("le", 400, 500),
                new TimedWord("volcan.", 500, 900), new TimedWord("Bonjour", 4_200, 4_600));
        List<Transcriber.SegmentMatch> m = SpokenMatch.of(heard, List.of(new Segment("Voici le volcan", 0, 4_000),
                new Segment("Et voici la mer", 4_000, 8_000)));

        assertThat(m.get(0).confidence()).isEqualTo(1.0);
        assertThat(m.get(0).heard()).isEqualTo("Voici le volcan.");
        assertThat(m.get(1).confidence()).isZero();
        assertThat(m.get(1).heard()).isEqualTo("Bonjour");
    }

    @Test
    void accentsCaseAndPunctuationDoNotCount() {
        assertThat(SpokenMatch.confidence("L'éléphant arrive !", "l elephant arrive")).isEqualTo(1.0);
        assertThat(SpokenMatch.confidence("", "")).isEqualTo(1.0);
        assertThat(SpokenMatch.confidence("Bonjour", "")).isZero();
    }
}

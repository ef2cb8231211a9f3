package org.reelforge.provider.offline.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.video.Language;

class SpeechTextTest {
    private final SpeechText french = SpeechText.forLanguage(Language.FR);
    private final SpeechText english = SpeechText.forLanguage(Language.EN);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Des fruits, des légumes, etc.|Des fruits, des légumes, et cetera.",
        "Des fruits, etc. et des légumes.|Des fruits, et cetera et des légumes.",
        "M. Dupont est là.|Monsieur Dupont est là.",
        "Mme Curie a gagné.|Madame Curie a gagné.",
        "Le Dr Martin parle.|Le docteur Martin parle.",
        "La France vs l'Espagne.|La France contre l'Espagne.",
        "Des outils, p. ex. un marteau.|Des outils, par exemple un marteau.",
        "Les chats & les chiens.|Les chats et les chiens.",
        "Né en 52 av. J.-C. à Rome.|Né en cinquante-deux avant Jésus-Christ à Rome."})
    void frenchAbbreviationsAreSpelledOut(String written, String spoken) {
        assertThat(french.rewrite(written)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Fruits, vegetables, etc.|Fruits, vegetables, et cetera.",
        "Mr. Smith is here.|Mister Smith is here.",
        "Mrs. Smith is here.|Missus Smith is here.",
        "Dr. Who arrives.|Doctor Who arrives.",
        "Tools, e.g. a hammer.|Tools, for example a hammer.",
        "One tool, i.e. a hammer.|One tool, that is a hammer.",
        "Cats vs dogs.|Cats versus dogs.",
        "Cats & dogs.|Cats and dogs.",
        "It is n° 5.|It is number five."})
    void englishAbbreviationsAreSpelledOut(String written, String spoken) {
        assertThat(english.rewrite(written)).isEqualTo(spoken);
    }

    @Test
    void emojiAreRemoved() {
        assertThat(french.rewrite("C'est génial 🚀🔥 vraiment 👍🏽 !")).isEqualTo("C'est génial vraiment !");
        assertThat(english.rewrite("Family 👨‍👩‍👧 time ❤️")).isEqualTo("Family time.");
    }

    @Test
    void markdownIsRemovedAndLinksKeepTheirText() {
        assertThat(english.rewrite("# Title\nThis is **bold**, _italic_ and `code`. See [the docs](https://x.io/a).\n- one\n- two"))
                .isEqualTo("Title. This is bold, italic and code. See the docs. One. Two.");
    }

    @Test
    void urlsAreDropped() {
        assertThat(french.rewrite("Plus d'infos sur https://example.com/page?a=1 et www.site.fr aujourd'hui."))
                .isEqualTo("Plus d'infos sur et aujourd'hui.");
    }

    @Test
    void hashtagsAndHandlesKeepTheirWords() {
        assertThat(english.rewrite("Follow @reelforge #AI")).isEqualTo("Follow reelforge AI.");
    }

    @Test
    void whitespaceIsNormalisedAndTheTextEndsWithAPause() {
        assertThat(french.rewrite("  Bonjour\t\ttout   le monde  ")).isEqualTo("Bonjour tout le monde.");
    }

    @Test
    void bracketsAndDashesBecomePauses() {
        assertThat(french.rewrite("Le cas (rare) existe — parfois.")).isEqualTo("Le cas, rare, existe, parfois.");
    }

    @Test
    void repeatedPunctuationIsCollapsed() {
        assertThat(english.rewrite("Wow!!! Really?? Yes,, sure..")).isEqualTo("Wow! Really? Yes, sure.");
    }

    @Test
    void quotesAreDroppedButApostrophesKept() {
        assertThat(french.rewrite("Il a dit « bonjour » à l'équipe.")).isEqualTo("Il a dit bonjour à l'équipe.");
    }

    @Test
    void textOfEmojiOnlyBecomesEmpty() {
        assertThat(english.rewrite("🎉🎉🎉")).isEmpty();
        assertThat(english.rewrite(null)).isEmpty();
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(french.rewrite("L'intelligence artificielle change notre quotidien."))
                .isEqualTo("L'intelligence artificielle change notre quotidien.");
    }

    @Test
    void regionalTagsUseTheirPrimaryLanguage() {
        assertThat(SpeechText.forLanguage(Language.of("fr-CA")).rewrite("12 %")).isEqualTo("Douze pour cent.");
        assertThat(SpeechText.forLanguage(Language.of("en-GB")).rewrite("12%")).isEqualTo("Twelve percent.");
    }
}

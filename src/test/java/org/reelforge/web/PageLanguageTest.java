package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reelforge.video.Language;

class PageLanguageTest {
    @Test
    void thePagesFirstSupportedLanguageWinsByWeightThenOrder() {
        assertThat(PageLanguage.accepted("en")).isEqualTo(Language.EN);
        assertThat(PageLanguage.accepted("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo(Language.FR);
        assertThat(PageLanguage.accepted("de-DE,de;q=0.9,en-GB;q=0.7,fr;q=0.8")).isEqualTo(Language.FR);
        assertThat(PageLanguage.accepted("de, en;q=0")).isNull();
        assertThat(PageLanguage.accepted("de,es")).isNull();
        assertThat(PageLanguage.accepted(null)).isNull();
        assertThat(PageLanguage.accepted("en;q=abc, fr")).isEqualTo(Language.FR);
    }
}

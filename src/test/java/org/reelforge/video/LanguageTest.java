package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void anyWellFormedTagOfARealIso639LanguageIsAccepted() {
        for (String tag : new String[] {"fr", "en-US", "es-419", "de-CH", "pt-BR", "it", "ja", "zh-Hant-TW", "zh-CN", "ar-EG",
                "hi", "fil", "ast", "sr-Latn-RS"}) {
            assertThat(Language.of(tag).tag()).isEqualTo(tag);
        }
        assertThat(Language.of("ZH-hans").code()).isEqualTo("zh");
    }

    @Test
    void onlyFrenchAndEnglishAreWrittenOffline() {
        assertThat(Language.of("fr-CA").isWrittenOffline()).isTrue();
        assertThat(Language.of("en").isWrittenOffline()).isTrue();
        assertThat(Language.of("de").isWrittenOffline()).isFalse();
    }

    @Test
    void ourOwnMessagesAreInFrenchOrEnglishOnly() {
        assertThat(Language.forMessages("fr-CA").isFrench()).isTrue();
        assertThatThrownBy(() -> Language.forMessages("de")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.rule()).isEqualTo("messages are in fr or en (got \"de\")"));
    }

    @Test
    void malformedTagsAndUnknownLanguagesAreRefusedWithTheRule() {
        for (String bad : new String[] {"12", "fr_FR", "en-", "a", "français", "fr\nx", "x-private", ""}) {
            assertThatThrownBy(() -> Language.of(bad)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                assertThat(e.field()).isEqualTo("language");
                assertThat(e.rule()).contains("BCP-47");
            });
        }
        for (String unknown : new String[] {"xx", "qq-FR", "abcde"}) {
            assertThatThrownBy(() -> Language.of(unknown)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                assertThat(e.field()).isEqualTo("language");
                assertThat(e.rule()).contains("ISO 639");
            });
        }
    }
}

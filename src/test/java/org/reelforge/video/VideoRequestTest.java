package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelforge.wire.RequestDocument;

class VideoRequestTest {
    private static RequestDocument doc(String theme, Integer duration, String style, String language, String mode, String strategy) {
        return new RequestDocument(theme, duration, style, language, mode, strategy, null, null, null, null);
    }

    private static void assertRejected(RequestDocument d, String field, String ruleFragment) {
        assertThatThrownBy(d::toRequest).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(ruleFragment);
        });
    }

    @Test
    void absentFieldsTakeTheDefaultsUsersExpect() {
        VideoRequest r = doc("Les volcans", null, null, null, null, null).toRequest();
        assertThat(r.targetDurationSeconds()).isEqualTo(36);
        assertThat(r.style()).isEqualTo(Style.INFORMATIVE);
        assertThat(r.language()).isEqualTo(Language.FR);
        assertThat(r.mode()).isEqualTo(Mode.NATIVE_AUDIO);
        assertThat(r.clipStrategy()).isEqualTo(ClipStrategy.PARALLEL);
    }

    @Test
    void emptyOrBlankThemeIsRefusedNamingTheField() {
        assertRejected(doc("", 36, null, null, null, null), "theme", "required");
        assertRejected(doc("  \n\t ", 36, null, null, null, null), "theme", "required");
        assertRejected(doc(null, 36, null, null, null, null), "theme", "required");
    }

    @Test
    void themeLongerThanTwoHundredCharactersIsRefusedWithItsLength() {
        assertRejected(doc("x".repeat(201), 36, null, null, null, null), "theme", "got 201");
        assertThat(doc("é".repeat(200), 36, null, null, null, null).toRequest().theme()).hasSize(200);
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String theme = "🌋".repeat(200);
        assertThat(doc(theme, 36, null, null, null, null).toRequest().theme()).isEqualTo(theme);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 181, -5, 10_000})
    void durationOutsideEightToOneHundredEightyIsRefused(int seconds) {
        assertRejected(doc("x", seconds, null, null, null, null), "target_duration", "between 8 and 180");
    }

    @Test
    void unknownStyleLanguageModeAndStrategyAreRefusedWithTheChoices() {
        assertRejected(doc("x", 36, "poetic", null, null, null), "style", "informative, storytelling, humorous, dramatic, educational");
        assertRejected(doc("x", 36, null, "xx", null, null), "language", "ISO 639");
        assertRejected(doc("x", 36, null, "12", null, null), "language", "BCP-47");
        assertRejected(doc("x", 36, null, null, "silent", null), "mode", "native_audio, narrated");
        assertRejected(doc("x", 36, null, null, null, "random"), "clip_strategy", "parallel, extend");
    }

    @Test
    void regionalLanguageTagsAreKeptAndUnderstood() {
        VideoRequest r = doc("x", 36, null, "fr-CA", null, null).toRequest();
        assertThat(r.language().tag()).isEqualTo("fr-CA");
        assertThat(r.language().isFrench()).isTrue();
    }

    @Test
    void invalidUnicodeIsRefusedButEveryRealCharacterIsKept() {
        assertRejected(doc("volcan \uD83C", 36, null, null, null, null), "theme", "valid Unicode");
        assertRejected(doc("a\u0000b", 36, null, null, null, null), "theme", "NUL");
        assertThat(doc("volcan \uD83C\uDF0B", 36, null, null, null, null).toRequest().theme()).isEqualTo("volcan 🌋");
    }

    @Test
    void hostileThemesAreKeptVerbatim() {
        String theme = "L'\"IA\" \\ {\\b1} : C:\\x; \n $(rm -rf /) `id` 🌋 שלום مرحبا";
        assertThat(doc(theme, 36, null, null, null, null).toRequest().theme()).isEqualTo(theme);
    }

    @Test
    void userScriptMustAddUpToTheTargetWithinOneBlock() {
        Script script = new Script("t", "g", java.util.List.of(new Block(1, 8, "v", "s", null)));
        assertThatThrownBy(() -> VideoRequest.of("x").withScript(script))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).contains("36 s", "8 s"));
        assertThat(VideoRequest.of("x").withDuration(12).withScript(script).script()).isEqualTo(script);
    }

    @Test
    void blockDurationMustBeWithinWhatAnyVideoModelMakes() {
        assertThatThrownBy(() -> new Block(1, 61, "v", "s", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("blocks[1].duration");
                    assertThat(e.rule()).contains("between 1 and 60");
                });
        assertThat(new Block(1, 5, "v", "s", null).durationSeconds()).as("Omni makes 5 s clips").isEqualTo(5);
    }
}

package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaptionOptionsTest {
    private static void assertRejected(Runnable build, String field, String rule) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(rule);
        });
    }

    @Test
    void defaultsAreTodaysKaraokeLookAtTheBottom() {
        CaptionOptions d = CaptionOptions.defaults();
        assertThat(d.style()).isEqualTo(CaptionLook.KARAOKE);
        assertThat(d.position()).isEqualTo(CaptionPosition.BOTTOM);
        assertThat(d.fontFamily()).isEmpty();
        assertThat(d.color()).isEqualTo("#FFFFFF");
        assertThat(d.highlight()).isEqualTo("#FFFF00");
        assertThat(d.sizePercent()).isEqualTo(100);
    }

    @Test
    void coloursMustBeExactlySixHexDigitsAndAreKeptUpperCase() {
        assertThat(CaptionOptions.defaults().withColors(" #00ff7f ", "#abcdef").color()).isEqualTo("#00FF7F");
        for (String bad : new String[] {"red", "#FFF", "#GGGGGG", "FFFFFF", "#FFFFFF&}{\\b1}", "#FF FFFF", "&H00FFFF&"}) {
            assertRejected(() -> CaptionOptions.defaults().withColors(bad, "#FFFF00"), "caption_color", "#RRGGBB");
            assertRejected(() -> CaptionOptions.defaults().withColors("#FFFFFF", bad), "caption_highlight", "#RRGGBB");
        }
        assertRejected(() -> CaptionOptions.defaults().withColors(null, "#FFFF00"), "caption_color", "#RRGGBB");
    }

    @Test
    void aFontIsAPlainFamilyNameWithoutAnythingAnAssFileOrFontconfigWouldRead() {
        assertThat(CaptionOptions.defaults().withFont("  Noto Sans CJK JP ").font()).isEqualTo("Noto Sans CJK JP");
        assertThat(CaptionOptions.defaults().withFont("Liberation_Sans-Narrow 2.1").fontFamily()).contains("Liberation_Sans-Narrow 2.1");
        assertThat(CaptionOptions.defaults().withFont("  ").fontFamily()).isEmpty();
        for (String bad : new String[] {"Arial,Bold", "DejaVu{\\b0}", "a\\N", "x:style=Bold", "new\nline", "-dash", "a".repeat(65)}) {
            assertRejected(() -> CaptionOptions.defaults().withFont(bad), "caption_font", "font family name");
        }
    }

    @Test
    void sizeIsAPercentageOfTheFormatsCaptionSizeBetween50And200() {
        assertThat(CaptionOptions.defaults().withSize(50).sizePercent()).isEqualTo(50);
        assertThat(CaptionOptions.defaults().withSize(200).sizePercent()).isEqualTo(200);
        assertRejected(() -> CaptionOptions.defaults().withSize(49), "caption_size", "50 to 200");
        assertRejected(() -> CaptionOptions.defaults().withSize(201), "caption_size", "50 to 200");
    }

    @Test
    void stylesAndPositionsParseFromTheirWireNamesAndNameTheChoicesOtherwise() {
        assertThat(CaptionLook.parse("caption_style", "Boxed")).isEqualTo(CaptionLook.BOXED);
        assertThat(CaptionPosition.parse("caption_position", "middle")).isEqualTo(CaptionPosition.MIDDLE);
        assertRejected(() -> CaptionLook.parse("caption_style", "fancy"), "caption_style", "karaoke, pop, clean, boxed, none");
        assertRejected(() -> CaptionPosition.parse("caption_position", "left"), "caption_position", "bottom, middle, top");
    }
}

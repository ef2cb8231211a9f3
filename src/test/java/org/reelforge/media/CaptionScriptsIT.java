package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Every script family is drawn with real glyphs: libass finds a font for every character (the launcher's Noto
 * and Symbola packages), where a fontconfig that only knows DejaVu, the "fallback disabled" render, leaves boxes.
 */
class CaptionScriptsIT {
    @TempDir
    static Path fonts;

    @TempDir
    Path root;

    private static Ffmpeg dejaVuOnly;

    @BeforeAll
    static void fontconfigWithoutFallbackFonts() throws Exception {
        Path conf = fonts.resolve("fonts.conf");
        Files.writeString(conf, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
                + "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>" + fonts.resolve("cache") + "</cachedir>\n"
                + "</fontconfig>\n");
        dejaVuOnly = TestMedia.FFMPEG.withEnvironment(Map.of("FONTCONFIG_FILE", conf.toString()));
    }

    private CaptionFrames.Frame render(Ffmpeg ffmpeg, String text, Language language, String name) throws Exception {
        CaptionStyle style = CaptionStyle.of(CaptionOptions.defaults(), Aspect.PORTRAIT, language);
        String ass = new Captions(style).ass(List.of(new TimedWord(text, 0, 1_500)), 2_000);
        return CaptionFrames.render(ffmpeg, ass, 1080, 1920, 0.5, "black", root.resolve(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Latin with accents | fr | Ça été génial à Noël, señor Müller | false",
            "Chinese | zh | 人工智能改变生活 | true",
            "Japanese | ja | 今日はいい天気ですね | true",
            "Arabic | ar | مرحبا بالعالم | false",
            "Devanagari | hi | नमस्ते दुनिया | true",
            "emoji | en | Fire 🔥 party 🎉 😀 | true"})
    void everyScriptIsDrawnWithoutTofu(String family, String language, String text, boolean needsFallback) throws Exception {
        CaptionFrames.Frame frame = render(TestMedia.FFMPEG, text, Language.of(language), "with-fonts");

        assertThat(frame.brightBox(40)).as(family + " caption pixels").isNotNull();
        assertThat(MissingGlyphs.in(frame.stderr())).as(family + ": characters no font could draw").isEmpty();

        CaptionFrames.Frame tofu = render(dejaVuOnly, text, Language.of(language), "dejavu-only");
        if (needsFallback) {
            assertThat(MissingGlyphs.in(tofu.stderr())).as("DejaVu alone cannot draw " + family).isNotEmpty();
            assertThat(frame.differingPixels(tofu, 60)).as("glyphs differ from the boxes").isGreaterThan(2_000);
        } else {
            assertThat(MissingGlyphs.in(tofu.stderr())).as("DejaVu covers " + family).isEmpty();
        }
    }

    @Test
    void arabicLettersAreJoinedByTheShaper() throws Exception {
        String joined = "مرحبا بالعالم";
        // a zero-width non-joiner between every letter forbids joining: isolated forms are wider
        String isolated = String.join("\u200C", joined.split(""));
        int[] shaped = render(TestMedia.FFMPEG, joined, Language.of("ar"), "joined").brightBox(40);
        int[] unshaped = render(TestMedia.FFMPEG, isolated, Language.of("ar"), "isolated").brightBox(40);
        assertThat(shaped[2] - shaped[0]).isLessThan((unshaped[2] - unshaped[0]) * 9 / 10);
    }

    @Test
    void aFontThatIsNotInstalledFallsBackToTheLanguagesFont() {
        CaptionOptions options = CaptionOptions.defaults().withFont("No Such Font Family");
        assertThat(Fontconfig.captionFont(options, Language.of("ja")).family()).isEqualTo("Noto Sans CJK JP");
        assertThat(Fontconfig.captionFont(options, Language.FR).family()).isEqualTo(Fontconfig.captionFont().family());
        assertThat(Fontconfig.captionFont(CaptionOptions.defaults().withFont("Liberation Sans"), Language.of("hi")).family())
                .isEqualTo("Liberation Sans");
    }
}

package org.reelforge.provider.offline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.SpeechSynthesizer.Speech;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.video.Language;

class EspeakVoicesIT {
    private static final Map<String, String> TEXTS = Map.of("fr", "Bonjour à tous", "en", "Hello everyone",
            "es", "Hola a todos", "de", "Hallo zusammen", "pt-BR", "Olá a todos", "it", "Ciao a tutti",
            "ja", "みなさん こんにちは", "zh", "大家 好", "ar", "مرحبا بالجميع", "hi", "सभी को नमस्ते");

    @TempDir
    Path dir;

    private final EspeakSpeechSynthesizer espeak = new EspeakSpeechSynthesizer();

    @Test
    void everyLanguageOfTheIssueIsSpokenWithWordTimes() {
        TEXTS.forEach((tag, text) -> {
            Speech speech = espeak.synthesize(text, Language.of(tag), 1.0, dir.resolve(tag + ".wav"));
            assertThat(speech.durationMillis()).as(tag).isGreaterThan(300);
            assertThat(speech.words()).as(tag).hasSize(text.split(" ").length);
        });
    }

    @Test
    void theVoiceListNamesEveryInstalledVoiceWithItsLanguages() {
        assertThat(espeak.voices()).hasSizeGreaterThan(100);
        assertThat(espeak.voices()).anySatisfy(v -> {
            assertThat(v.id()).isEqualTo("sit/cmn");
            assertThat(v.languages()).contains("cmn", "zh");
        });
        assertThat(espeak.voices()).anySatisfy(v -> assertThat(v.languages()).contains("de"));
    }

    @Test
    void aChosenVoiceAndVariantSpeakAndASampleIsShortAudio() {
        Speech chosen = espeak.synthesize("Guten Morgen", Language.of("de"), 1.0, "gmw/de+f3", dir.resolve("f3.wav"));
        Speech plain = espeak.synthesize("Guten Morgen", Language.of("de"), 1.0, dir.resolve("plain.wav"));
        assertThat(MonoAudio.readWav(chosen.audio()).orElseThrow().samples())
                .isNotEqualTo(MonoAudio.readWav(plain.audio()).orElseThrow().samples());

        Speech sample = espeak.sample("it", 1.25, dir.resolve("sample.wav"));
        assertThat(sample.durationMillis()).isBetween(500L, 4_000L);
    }

    @Test
    void unknownOrMalformedVoicesAndLanguagesWithoutAVoiceAreRefusedByName() {
        for (String bad : new String[] {"klingon", "de+f3+m1", "../../etc/passwd", "de;rm -rf", "de de"}) {
            assertThatThrownBy(() -> espeak.synthesize("x", Language.EN, 1.0, bad, dir.resolve("bad.wav")))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT))
                    .hasMessageContaining("voice");
        }
        assertThatThrownBy(() -> espeak.synthesize("x", Language.of("wo"), 1.0, dir.resolve("wo.wav")))
                .hasMessageContaining("no voice for language \"wo\"");
    }
}

package org.reelforge.provider.offline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer.Speech;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

class EspeakSpeechSynthesizerIT {
    private static final String FRENCH = "L'intelligence artificielle apprend à reconnaître les élèves, "
            + "les étés brûlants et les forêts. Ça change tout !";
    private static final String ENGLISH = "Artificial intelligence learns to recognise faces, voices and cities. "
            + "It changes everything!";

    private final EspeakSpeechSynthesizer synthesizer = new EspeakSpeechSynthesizer();

    @TempDir
    Path dir;

    @Test
    void frenchTextBecomesA22kMonoWavWithOneTimingPerWord() throws Exception {
        Speech speech = synthesizer.synthesize(FRENCH, Language.FR, 1.0, dir.resolve("fr.wav"));

        assertDecodableWav(speech);
        assertThat(texts(speech.words())).containsExactly("L'intelligence", "artificielle", "apprend", "à",
                "reconnaître", "les", "élèves,", "les", "étés", "brûlants", "et", "les", "forêts.", "Ça", "change",
                "tout");
        assertPlausible(speech);
    }

    @Test
    void englishTextBecomesAWavWithOneTimingPerWord() throws Exception {
        Speech speech = synthesizer.synthesize(ENGLISH, Language.EN, 1.0, dir.resolve("en.wav"));

        assertDecodableWav(speech);
        assertThat(speech.words()).hasSize(12);
        assertPlausible(speech);
    }

    @Test
    void aFasterRateGivesShorterSpeech() {
        Speech normal = synthesizer.synthesize(ENGLISH, Language.EN, 1.0, dir.resolve("normal.wav"));
        Speech fast = synthesizer.synthesize(ENGLISH, Language.EN, 1.5, dir.resolve("fast.wav"));

        assertThat(fast.durationMillis()).isLessThan(normal.durationMillis() * 80 / 100);
    }

    @Test
    void aRegionTagSpeaksWithTheBaseLanguageVoice() {
        Speech canadian = synthesizer.synthesize(FRENCH, Language.of("fr-CA"), 1.0, dir.resolve("ca.wav"));
        Speech french = synthesizer.synthesize(FRENCH, Language.FR, 1.0, dir.resolve("fr.wav"));

        assertThat(texts(canadian.words())).isEqualTo(texts(french.words()));
        assertThat(canadian.durationMillis()).isCloseTo(french.durationMillis(), within(50L));
    }

    @Test
    void hostileTextIsReadAsPlainTextNotObeyedAsMarkup() {
        String text = "Il a dit \"non\" <break time=\"9s\"/> l'été 🎉🔥 مرحبا بالعالم </speak> & fin";
        Speech speech = synthesizer.synthesize(text, Language.FR, 1.0, dir.resolve("hostile.wav"));

        assertThat(texts(speech.words())).containsExactly("Il", "a", "dit", "\"non\"", "<break", "time=\"9s\"/>",
                "l'été", "مرحبا", "بالعالم", "</speak>", "fin");
        assertPlausible(speech);
    }

    @Test
    void ssmlInUserTextIsNotObeyed() {
        Speech speech = synthesizer.synthesize("un <break time=\"9s\"/> deux", Language.FR, 1.0, dir.resolve("ssml.wav"));

        assertThat(speech.durationMillis()).as("an obeyed SSML break would last 9 s").isLessThan(9_000);
        assertThat(texts(speech.words())).containsExactly("un", "<break", "time=\"9s\"/>", "deux");
    }

    @Test
    void wordsAfterEmojiAndAccentsKeepTheirOwnTimes() {
        Speech speech = synthesizer.synthesize("Élève 🎉 été ça", Language.FR, 1.0, dir.resolve("emoji.wav"));

        assertThat(texts(speech.words())).containsExactly("Élève", "été", "ça");
        TimedWord ete = speech.words().get(1);
        assertThat(ete.startMillis() - speech.words().get(0).endMillis())
                .as("the spoken emoji sits between Élève and été").isGreaterThan(300);
    }

    @Test
    void concurrentCallsAreSerializedAndEachGetsItsOwnWords() throws Exception {
        var french = CompletableFuture.supplyAsync(() -> synthesizer.synthesize(FRENCH, Language.FR, 1.0, dir.resolve("a.wav")));
        var english = CompletableFuture.supplyAsync(() -> synthesizer.synthesize(ENGLISH, Language.EN, 1.0, dir.resolve("b.wav")));

        assertThat(french.get(30, TimeUnit.SECONDS).words()).hasSize(16);
        assertThat(english.get(30, TimeUnit.SECONDS).words()).hasSize(12);
    }

    @Test
    void theCallIsBilledInCharacters() {
        Speech speech = synthesizer.synthesize("Été 🎉", Language.FR, 1.0, dir.resolve("bill.wav"));

        assertThat(speech.call()).isEqualTo(new ProviderCall("espeak-ng", "voice", 5, "character"));
    }

    @Test
    void theTargetIsReplacedAtomicallyWithoutLeavingTemporaryFiles() throws Exception {
        Path target = dir.resolve("out.wav");
        Files.writeString(target, "old");

        synthesizer.synthesize(ENGLISH, Language.EN, 1.0, target);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(MonoAudio.readWav(target)).isPresent();
    }

    private static void assertDecodableWav(Speech speech) throws Exception {
        MonoAudio audio = MonoAudio.readWav(speech.audio()).orElseThrow();
        assertThat(audio.sampleRate()).isEqualTo(22050);
        assertThat(Math.abs(audio.durationMillis() - speech.durationMillis())).isLessThanOrEqualTo(1);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", speech.audio().toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as(errors).isZero();
        assertThat(errors).isEmpty();
    }

    /** Between 120 ms and 1.5 s per word; starts increasing; every word inside the audio. */
    private static void assertPlausible(Speech speech) {
        List<TimedWord> words = speech.words();
        assertThat(speech.durationMillis()).isBetween(120L * words.size(), 1500L * words.size());
        for (int i = 0; i < words.size(); i++) {
            TimedWord word = words.get(i);
            assertThat(word.endMillis()).isLessThanOrEqualTo(speech.durationMillis());
            if (i > 0) {
                assertThat(word.startMillis()).as("start of %s", word).isGreaterThan(words.get(i - 1).startMillis());
                assertThat(word.startMillis()).as("start of %s", word).isGreaterThanOrEqualTo(words.get(i - 1).endMillis());
            }
        }
    }

    private static List<String> texts(List<TimedWord> words) {
        return words.stream().map(TimedWord::text).toList();
    }
}

package org.reelforge.provider.offline.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.Transcriber.Transcript;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

class AlignmentTranscriberIT {
    private static final int RATE = 22050;
    private static final String FIRST = "Les robots apprennent à parler, et ils écoutent déjà nos conversations.";
    private static final String SECOND = "Demain, ils raconteront peut-être nos histoires à notre place.";

    private final AlignmentTranscriber aligner = new AlignmentTranscriber();

    @TempDir
    Path dir;

    @Test
    void wordsSpokenByAnotherVoiceAreFoundNearWhereTheyAreSaid() {
        Track track = new Track().silence(700).speech(FIRST, Language.FR).silence(900).speech(SECOND, Language.FR).silence(400);

        Transcript transcript = aligner.transcribe(track.write(dir.resolve("fr.wav")), Language.FR, track.segments);

        assertThat(transcript.words()).extracting(TimedWord::text).isEqualTo(track.truth.stream().map(TimedWord::text).toList());
        assertThat(meanOnsetError(transcript.words(), track.truth)).isLessThan(250);
        assertInOrderInside(transcript.words(), track.durationMillis());
    }

    @Test
    void audioOtherThanWavIsDecodedWithFfmpeg() throws Exception {
        Track track = new Track().silence(300).speech(SECOND, Language.FR).silence(300);
        Path wav = track.write(dir.resolve("fr.wav"));
        Path flac = dir.resolve("fr.flac");
        assertThat(new ProcessBuilder("ffmpeg", "-v", "error", "-i", wav.toString(), flac.toString()).start().waitFor()).isZero();

        Transcript transcript = aligner.transcribe(flac, Language.FR, track.segments);

        assertThat(meanOnsetError(transcript.words(), track.truth)).isLessThan(250);
    }

    @Test
    void aSilentSegmentStillGetsItsWordsSpreadOverItsWindow() {
        Track track = new Track().silence(4000);
        List<Segment> segments = List.of(new Segment("Rien ne se dit ici, pourtant.", 1000, 3000));

        List<TimedWord> words = aligner.transcribe(track.write(dir.resolve("silence.wav")), Language.FR, segments).words();

        assertThat(words).extracting(TimedWord::text).containsExactly("Rien", "ne", "se", "dit", "ici,", "pourtant.");
        assertInOrderInside(words, 3000);
        assertThat(words.get(0).startMillis()).isGreaterThanOrEqualTo(1000);
        assertThat(words.get(words.size() - 1).startMillis()).as("spread, not piled up").isGreaterThan(2000);
    }

    @Test
    void aSegmentOfNoiseStillGetsWordsInsideItsWindow() {
        Track track = new Track().noise(3000);
        List<Segment> segments = List.of(new Segment("Only noise here.", 0, 3000));

        List<TimedWord> words = aligner.transcribe(track.write(dir.resolve("noise.wav")), Language.EN, segments).words();

        assertThat(words).hasSize(3);
        assertInOrderInside(words, 3000);
    }

    @Test
    void windowsPastTheEndOfTheAudioAreCutToIt() {
        Track track = new Track().speech(SECOND, Language.FR);
        List<Segment> segments = List.of(new Segment(SECOND, 0, 60_000), new Segment("Encore un mot.", 60_000, 70_000));

        List<TimedWord> words = aligner.transcribe(track.write(dir.resolve("short.wav")), Language.FR, segments).words();

        assertThat(words).hasSize(12);
        assertThat(words.subList(0, 9)).allSatisfy(w -> assertThat(w.endMillis()).isLessThanOrEqualTo(track.durationMillis()));
        assertThat(words.subList(9, 12)).as("a window wholly past the end piles its words up at the end")
                .allSatisfy(w -> assertThat(w.startMillis()).isEqualTo(track.durationMillis()));
    }

    @Test
    void theCallIsBilledInSecondsOfAudio() {
        Track track = new Track().silence(2500);

        Transcript transcript = aligner.transcribe(track.write(dir.resolve("bill.wav")), Language.EN, List.of());

        assertThat(transcript.words()).isEmpty();
        assertThat(transcript.call()).isEqualTo(new ProviderCall("aligner", "transcription", 2.5, "second"));
    }

    @Test
    void unreadableAudioIsAPermanentError() {
        assertThatThrownBy(() -> aligner.transcribe(dir.resolve("missing.wav"), Language.EN, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT))
                .hasMessageContaining("missing.wav");
    }

    private static double meanOnsetError(List<TimedWord> found, List<TimedWord> truth) {
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            sum += Math.abs(found.get(i).startMillis() - truth.get(i).startMillis());
        }
        return sum / truth.size();
    }

    private static void assertInOrderInside(List<TimedWord> words, long durationMillis) {
        for (int i = 0; i < words.size(); i++) {
            assertThat(words.get(i).endMillis()).isLessThanOrEqualTo(durationMillis);
            if (i > 0) {
                assertThat(words.get(i).startMillis()).as("start of %s", words.get(i)).isGreaterThan(words.get(i - 1).startMillis());
            }
        }
    }

    /** Audio built block by block, with the truth about each word: the speech is another voice, 20% faster. */
    private static final class Track {
        private final EspeakSpeechSynthesizer voice = new EspeakSpeechSynthesizer("m3");
        private final List<Float> samples = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();
        private final List<TimedWord> truth = new ArrayList<>();
        private final Random random = new Random(3);

        Track silence(int millis) {
            for (int i = 0; i < millis * RATE / 1000; i++) {
                samples.add(0f);
            }
            return this;
        }

        Track noise(int millis) {
            for (int i = 0; i < millis * RATE / 1000; i++) {
                samples.add((float) random.nextGaussian() * 0.05f);
            }
            return this;
        }

        Track speech(String text, Language language) {
            long start = durationMillis();
            EspeakSpeechSynthesizer.Spoken spoken = voice.speak(text, language, 1.2);
            for (short s : spoken.utterance().samples()) {
                samples.add(s / 32768f);
            }
            segments.add(new Segment(text, Math.max(0, start - 300), durationMillis() + 300));
            spoken.words().forEach(w -> truth.add(w.shift(start)));
            return this;
        }

        long durationMillis() {
            return samples.size() * 1000L / RATE;
        }

        Path write(Path target) {
            float[] pcm = new float[samples.size()];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = samples.get(i);
            }
            new MonoAudio(pcm, RATE).writeWav(target);
            return target;
        }
    }
}

package org.reelforge.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.reelforge.provider.SpeechSynthesizer.Speech;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.offline.align.AlignmentTranscriber;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * How close the offline aligner puts caption words to where they are really said. Ground truth: espeak-ng's
 * own word times for sentences spoken with other voice variants and rates than the aligner's reference,
 * laid out as blocks with silences around each, then (second condition) under pink noise and a music-like
 * chord bed, resampled to 44.1 kHz by ffmpeg. Prints mean and p90 absolute onset error and the share of words
 * within 100 ms, per language and condition. A benchmark, not a test: it never fails a build.
 *
 * <p>Run: {@code mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.reelforge.bench.CaptionAlignmentBenchmark}
 */
public final class CaptionAlignmentBenchmark {
    private static final int RATE = 22050;
    private static final String[] VARIANTS = {"f3", "m3", "klatt"};
    private static final double[] RATES = {1.2, 0.85, 1.1};
    private static final List<String> FRENCH = List.of(
            "L'intelligence artificielle transforme déjà notre quotidien, du téléphone à la voiture.",
            "Elle apprend à partir de milliards d'exemples, sans jamais se fatiguer.",
            "Mais peut-elle vraiment comprendre ce qu'elle écrit ? Les chercheurs en doutent encore.",
            "En deux mille vingt-quatre, plus de la moitié des entreprises l'utilisaient chaque jour.",
            "Demain, elle pourrait diagnostiquer des maladies avant même les premiers symptômes.",
            "Alors, alliée ou menace ? À vous de juger, et abonnez-vous pour la suite !");
    private static final List<String> ENGLISH = List.of(
            "Artificial intelligence is already changing our daily lives, from phones to cars.",
            "It learns from billions of examples, and it never gets tired.",
            "But can it really understand what it writes? Researchers still have their doubts.",
            "In twenty twenty-four, more than half of all companies used it every single day.",
            "Tomorrow, it might spot diseases before the very first symptoms appear.",
            "So, friend or threat? You decide, and follow for part two!");

    /** For Festival's natural voice: plain words, so its word list and ours match one to one. */
    private static final List<String> FESTIVAL = List.of(
            "Artificial intelligence is already changing our daily lives.",
            "It learns from billions of examples and it never gets tired.",
            "But can it really understand what it writes?",
            "Tomorrow it might spot diseases before the first symptoms appear.",
            "So is it a friend or a threat? You decide.");

    private CaptionAlignmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("caption-bench");
        Transcriber aligner = new AlignmentTranscriber();
        System.out.printf(Locale.ROOT, "%-4s %-6s %6s %10s %9s %9s %9s%n", "lang", "cond", "words", "mean(ms)",
                "p90(ms)", "<=100ms", "speed");
        for (Language language : List.of(Language.FR, Language.EN)) {
            Track track = Track.build(language.isFrench() ? FRENCH : ENGLISH, language, dir, new Random(7));
            Path clean = dir.resolve(language + "-clean.wav");
            track.write(clean);
            report(language, "clean", track, aligner, clean);
            report(language, "noisy", track, aligner, noisy(clean, dir.resolve(language + "-noisy.wav")));
        }
        if (FestivalVoice.installed()) {
            Track track = Track.festival(FESTIVAL, dir, new Random(11));
            Path natural = dir.resolve("en-festival.wav");
            track.write(natural);
            report(Language.EN, "slt", track, aligner, natural);
        } else {
            System.out.println("en   slt    skipped: Festival's cmu_us_slt HTS voice is not installed (bench/caption-alignment.sh installs it)");
        }
    }

    private static void report(Language language, String condition, Track track, Transcriber aligner, Path audio) {
        long started = System.nanoTime();
        List<TimedWord> found = aligner.transcribe(audio, language, track.segments).words();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (found.size() != track.truth.size()) {
            throw new IllegalStateException("aligner returned " + found.size() + " words, expected " + track.truth.size());
        }
        double[] errors = new double[found.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(found.get(i).startMillis() - track.truth.get(i).startMillis());
            if (System.getenv("BENCH_VERBOSE") != null && errors[i] > 100) {
                System.out.printf(Locale.ROOT, "  %-16s truth %6d found %6d%n", found.get(i).text(),
                        track.truth.get(i).startMillis(), found.get(i).startMillis());
            }
        }
        java.util.Arrays.sort(errors);
        double mean = java.util.Arrays.stream(errors).average().orElse(0);
        double p90 = errors[(int) Math.ceil(0.9 * errors.length) - 1];
        long within = java.util.Arrays.stream(errors).filter(e -> e <= 100).count();
        System.out.printf(Locale.ROOT, "%-4s %-6s %6d %10.0f %9.0f %8.0f%% %8.0fx%n", language, condition, errors.length,
                mean, p90, 100.0 * within / errors.length, track.samples.size() / (double) RATE / seconds);
    }

    /** Adds pink noise and a soft A-minor chord under the speech, and resamples to 44.1 kHz. */
    private static Path noisy(Path clean, Path target) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", clean.toString(),
                "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.03:sample_rate=22050",
                "-f", "lavfi", "-i", "aevalsrc=0.03*sin(2*PI*220*t)+0.02*sin(2*PI*261.6*t)+0.02*sin(2*PI*329.6*t)"
                        + "*(0.6+0.4*sin(2*PI*2*t)):sample_rate=22050",
                "-filter_complex", "[0][1][2]amix=inputs=3:duration=first:normalize=0", "-ar", "44100",
                target.toString()).inheritIO().start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed to mix noise into " + clean);
        }
        return target;
    }

    /** Blocks of speech with silence around each, and where every word really starts. */
    private static final class Track {
        private final List<Short> samples = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();
        private final List<TimedWord> truth = new ArrayList<>();

        static Track build(List<String> sentences, Language language, Path dir, Random random) throws Exception {
            Track track = new Track();
            for (int i = 0; i < sentences.size(); i++) {
                var voice = new EspeakSpeechSynthesizer(VARIANTS[i % VARIANTS.length]);
                Speech speech = voice.synthesize(sentences.get(i), language, RATES[i % RATES.length],
                        dir.resolve(language + "-" + i + ".wav"));
                track.addBlock(sentences.get(i), speech, 200 + random.nextInt(900), 300 + random.nextInt(900));
            }
            return track;
        }

        /** Festival's HTS voice speaks each sentence; its own word start times are the truth. */
        static Track festival(List<String> sentences, Path dir, Random random) throws Exception {
            Track track = new Track();
            for (int i = 0; i < sentences.size(); i++) {
                FestivalVoice.Spoken spoken = FestivalVoice.speak(sentences.get(i), dir.resolve("festival-" + i), RATE);
                track.addBlock(sentences.get(i), spoken.wav(), spoken.words(), 200 + random.nextInt(900), 300 + random.nextInt(900));
            }
            return track;
        }

        private void addBlock(String text, Speech speech, int leadMillis, int trailMillis) throws Exception {
            addBlock(text, speech.audio(), speech.words(), leadMillis, trailMillis);
        }

        private void addBlock(String text, Path wav, List<TimedWord> words, int leadMillis, int trailMillis) throws Exception {
            long blockStart = millis(samples.size());
            silence(leadMillis);
            long speechStart = millis(samples.size());
            for (short s : read(wav)) {
                samples.add(s);
            }
            silence(trailMillis);
            segments.add(new Segment(text, blockStart, millis(samples.size())));
            words.forEach(w -> truth.add(w.shift(speechStart)));
        }

        private void silence(int millis) {
            for (int i = 0; i < millis * RATE / 1000; i++) {
                samples.add((short) 0);
            }
        }

        private static long millis(int sampleCount) {
            return sampleCount * 1000L / RATE;
        }

        private static short[] read(Path wav) throws Exception {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                short[] pcm = new short[bytes.capacity() / 2];
                bytes.asShortBuffer().get(pcm);
                return pcm;
            }
        }

        void write(Path target) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(samples.size() * 2).order(ByteOrder.LITTLE_ENDIAN);
            samples.forEach(bytes::putShort);
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, samples.size())) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, target.toFile());
            }
        }
    }
}

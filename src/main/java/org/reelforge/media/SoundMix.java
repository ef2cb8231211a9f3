package org.reelforge.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The delivered sound track, computed in Java from the blocks' prepared sound (48 kHz stereo WAV, one per block,
 * each exactly its block's length): the blocks in order, a music bed under them ducked while someone speaks, a
 * linear gain to {@value FfmpegAssembler#TARGET_LUFS} LUFS and a look-ahead peak limiter, written as one WAV that
 * the video encode only has to encode to AAC. Streaming passes over the block files (speech level and voice
 * activity; loudness of the mix; the mix written with its gain and measured again, re-aimed up to four times when the
 * limiter took more than {@value #GAIN_TOLERANCE_LU} LU), so memory stays flat for any length.
 *
 * <p>Ducking: the music's level follows the voice with a 60 ms look-ahead, falls {@value #DUCK_DB} dB in
 * {@value #ATTACK_MILLIS} ms when speech starts and comes back in {@value #RELEASE_MILLIS} ms after it stops.
 */
final class SoundMix {
    static final double DUCK_DB = -12;
    static final int ATTACK_MILLIS = 80;
    static final int RELEASE_MILLIS = 400;
    private static final int FRAME = LoudnessMeter.RATE / 100;
    private static final int LOOKAHEAD_FRAMES = 6;
    private static final int HOLD_FRAMES = 15;
    /** A 10 ms frame this far under the voice's loudness is a pause. */
    private static final double VOICE_GATE_LU = 20;
    /** Sample-peak ceiling before AAC; AAC and inter-sample peaks add about 1 dB, under the -1 dBTP ceiling. */
    static final double CEILING_DBFS = -2.5;
    private static final int CHUNK = 4_800;
    private static final int MAX_GAIN_PASSES = 5;
    private static final double GAIN_TOLERANCE_LU = 0.2;

    /** One block's prepared sound and how many 48 kHz frames of it the video uses. */
    record Part(Path wav, long frames) {
    }

    /** What was written: the loudness the gain aimed from, the gain, and how far the limiter had to go. */
    record Result(Path wav, double mixLufs, double gainDb, double deepestLimitDb, double voiceLufs) {
    }

    private final List<Part> parts;
    private final MusicBed music;
    private final Path musicWav;
    private final long totalFrames;

    /** @param musicWav the bed decoded to 48 kHz stereo WAV (looped as needed), or null with {@code music} null */
    SoundMix(List<Part> parts, MusicBed music, Path musicWav) {
        this.parts = List.copyOf(parts);
        this.music = music != null && music.volumePercent() > 0 ? music : null;
        this.musicWav = musicWav;
        this.totalFrames = parts.stream().mapToLong(Part::frames).sum();
    }

    Result write(Path target) {
        try {
            Analysis voice = analyseVoice();
            double musicGain = music == null ? 0 : Math.pow(10, music.gainDb(voice.lufs()) / 20);
            LoudnessMeter meter = new LoudnessMeter();
            mix(voice.duck(), musicGain, (chunk, frames) -> meter.add(chunk, frames));
            double mixLufs = meter.integratedLufs();
            double gainDb = Double.isFinite(mixLufs) ? FfmpegAssembler.TARGET_LUFS - mixLufs : 0;
            Limiter limiter = null;
            double previousGain = Double.NaN;
            double previousLufs = Double.NaN;
            for (int pass = 1; pass <= MAX_GAIN_PASSES; pass++) {
                limiter = new Limiter(Math.pow(10, gainDb / 20), Math.pow(10, CEILING_DBFS / 20));
                double written = writeLimited(voice.duck(), musicGain, limiter, target);
                // peaky speech loses loudness in the limiter: aim again from what was written (secant steps)
                if (!Double.isFinite(written) || Math.abs(FfmpegAssembler.TARGET_LUFS - written) <= GAIN_TOLERANCE_LU) {
                    break;
                }
                double slope = Double.isNaN(previousGain) || Math.abs(written - previousLufs) < 0.05 ? 1
                        : (gainDb - previousGain) / (written - previousLufs);
                previousGain = gainDb;
                previousLufs = written;
                gainDb += Math.max(1, Math.min(4, slope)) * (FfmpegAssembler.TARGET_LUFS - written);
            }
            return new Result(target, mixLufs, gainDb, 20 * Math.log10(limiter.deepest()), voice.lufs());
        } catch (IOException e) {
            throw new MediaException("could not mix the sound track into " + target + ": " + e.getMessage(), e);
        }
    }

    /** Pass 3: the mix through gain and limiter into {@code target}; returns the loudness of what was written. */
    private double writeLimited(float[] duck, double musicGain, Limiter limiter, Path target) throws IOException {
        LoudnessMeter written = new LoudnessMeter();
        try (Wav.Writer out = new Wav.Writer(target, 2, LoudnessMeter.RATE)) {
            mix(duck, musicGain, (chunk, frames) -> {
                int ready = limiter.process(chunk, frames);
                out.write(limiter.buffer(), ready);
                written.add(limiter.buffer(), ready);
            });
            int tail = limiter.flush();
            out.write(limiter.buffer(), tail);
            written.add(limiter.buffer(), tail);
        }
        return written.integratedLufs();
    }

    private record Analysis(double lufs, float[] duck) {
    }

    /** Pass 1: the voice's loudness and, per 10 ms, the music's gain (1 between sentences, ducked under them). */
    private Analysis analyseVoice() throws IOException {
        LoudnessMeter meter = new LoudnessMeter();
        int frameCount = (int) ((totalFrames + FRAME - 1) / FRAME);
        float[] frameDb = new float[frameCount];
        int[] index = {0};
        double[] acc = {0};
        int[] fill = {0};
        readBlocks((chunk, frames) -> {
            meter.add(chunk, frames);
            for (int f = 0; f < frames; f++) {
                double mono = (chunk[2 * f] + chunk[2 * f + 1]) / 2.0;
                acc[0] += mono * mono;
                if (++fill[0] == FRAME) {
                    frameDb[index[0]++] = (float) (10 * Math.log10(acc[0] / FRAME + 1e-12));
                    acc[0] = 0;
                    fill[0] = 0;
                }
            }
        });
        double lufs = meter.integratedLufs();
        return new Analysis(lufs, music == null ? new float[0] : duckCurve(frameDb, lufs));
    }

    static float[] duckCurve(float[] frameDb, double voiceLufs) {
        int n = frameDb.length;
        boolean[] voiced = new boolean[n];
        double gate = voiceLufs - VOICE_GATE_LU;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(voiceLufs) && frameDb[i] > gate) {
                for (int j = Math.max(0, i - LOOKAHEAD_FRAMES); j <= Math.min(n - 1, i + HOLD_FRAMES); j++) {
                    voiced[j] = true;
                }
            }
        }
        float[] gain = new float[n];
        double db = 0;
        double down = -DUCK_DB * 10.0 / ATTACK_MILLIS;
        double up = -DUCK_DB * 10.0 / RELEASE_MILLIS;
        for (int i = 0; i < n; i++) {
            db = voiced[i] ? Math.max(DUCK_DB, db - down) : Math.min(0, db + up);
            gain[i] = (float) Math.pow(10, db / 20);
        }
        return gain;
    }

    @FunctionalInterface
    private interface Sink {
        void accept(float[] chunk, int frames) throws IOException;
    }

    /** The blocks in order, each padded with silence or cut to its frame count. */
    private void readBlocks(Sink sink) throws IOException {
        float[] chunk = new float[CHUNK * 2];
        for (Part part : parts) {
            long left = part.frames();
            try (Wav.Reader in = Wav.Reader.open(part.wav())) {
                requireStereo48k(in, part.wav());
                boolean ended = false;
                while (left > 0) {
                    int wanted = (int) Math.min(CHUNK, left);
                    int got = ended ? 0 : in.read(chunk, wanted);
                    ended = got < wanted;
                    java.util.Arrays.fill(chunk, got * 2, wanted * 2, 0f);
                    sink.accept(chunk, wanted);
                    left -= wanted;
                }
            }
        }
    }

    /** Pass 2 and 3: the blocks plus the ducked, faded music bed. */
    private void mix(float[] duck, double musicGain, Sink sink) throws IOException {
        if (music == null) {
            readBlocks(sink);
            return;
        }
        try (MusicLoop bed = new MusicLoop(musicWav)) {
            long[] at = {0};
            float[] bedChunk = new float[CHUNK * 2];
            readBlocks((chunk, frames) -> {
                bed.read(bedChunk, frames);
                for (int f = 0; f < frames; f++) {
                    long t = at[0] + f;
                    double g = musicGain * duck[(int) Math.min(duck.length - 1, t / FRAME)] * fade(t);
                    chunk[2 * f] += (float) (bedChunk[2 * f] * g);
                    chunk[2 * f + 1] += (float) (bedChunk[2 * f + 1] * g);
                }
                at[0] += frames;
                sink.accept(chunk, frames);
            });
        }
    }

    /** The bed fades in over half a second and out over the last 1.5 s. */
    private double fade(long frame) {
        double in = Math.min(1, frame / (0.5 * LoudnessMeter.RATE));
        double out = Math.min(1, (totalFrames - frame) / (1.5 * LoudnessMeter.RATE));
        return Math.max(0, Math.min(in, out));
    }

    private static void requireStereo48k(Wav.Reader in, Path file) {
        if (in.channels() != 2 || in.sampleRate() != LoudnessMeter.RATE) {
            throw new MediaException(file + " must be 48 kHz stereo, is " + in.sampleRate() + " Hz, " + in.channels() + " channels");
        }
    }

    /** The music WAV read round and round. */
    private static final class MusicLoop implements AutoCloseable {
        private final Path file;
        private Wav.Reader reader;

        MusicLoop(Path file) {
            this.file = file;
            this.reader = Wav.Reader.open(file);
            requireStereo48k(reader, file);
        }

        void read(float[] buffer, int frames) throws IOException {
            int done = 0;
            float[] part = new float[frames * 2];
            boolean restarted = false;
            while (done < frames) {
                int got = reader.read(part, frames - done);
                if (got == 0) {
                    if (restarted) {
                        throw new MediaException("the music track " + file + " decoded to no sound");
                    }
                    reader.close();
                    reader = Wav.Reader.open(file);
                    restarted = true;
                    continue;
                }
                restarted = false;
                System.arraycopy(part, 0, buffer, done * 2, got * 2);
                done += got;
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

package org.reelforge.provider.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Mono audio in memory, samples in [-1, 1], and its 16-bit PCM WAV form. Reads any 16-bit PCM WAV
 * (several channels are averaged); other formats go through ffmpeg first ({@link FfmpegDecoder}).
 */
public record MonoAudio(float[] samples, int sampleRate) {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    public MonoAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be > 0, got " + sampleRate);
        }
    }

    public static MonoAudio of(short[] pcm, int sampleRate) {
        float[] samples = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            samples[i] = pcm[i] / 32768f;
        }
        return new MonoAudio(samples, sampleRate);
    }

    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    public int sampleAt(long millis) {
        return (int) Math.max(0, Math.min(samples.length, millis * sampleRate / 1000));
    }

    /** Writes a 16-bit WAV next to {@code target}, then renames it over {@code target} in one step. */
    public void writeWav(Path target) {
        ByteBuffer wav = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2);
        wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) PCM);
        wav.putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (float s : samples) {
            wav.putShort((short) Math.max(-32768, Math.min(32767, Math.round(s * 32768))));
        }
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.write(temp, wav.array());
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write WAV " + target, e);
        }
    }

    /** Reads a 16-bit PCM WAV; empty if the file is another format (the caller can decode it otherwise). */
    public static Optional<MonoAudio> readWav(Path file) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (in.remaining() < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
                return Optional.empty();
            }
            return readChunks(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read audio " + file, e);
        }
    }

    private static Optional<MonoAudio> readChunks(ByteBuffer in) {
        int channels = 0;
        int rate = 0;
        int position = 12;
        while (position + 8 <= in.limit()) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            int body = position + 8;
            if (size < 0 && id != 0x61746164) {
                return Optional.empty();
            }
            if (id == 0x20746d66) { // "fmt "
                int format = in.getShort(body) & 0xFFFF;
                channels = in.getShort(body + 2);
                rate = in.getInt(body + 4);
                int bits = in.getShort(body + 14);
                if ((format != PCM && format != EXTENSIBLE) || bits != 16 || channels < 1) {
                    return Optional.empty();
                }
            } else if (id == 0x61746164 && channels > 0) { // "data"
                int length = size < 0 || body + size > in.limit() ? in.limit() - body : size;
                return Optional.of(mixDown(in, body, length, channels, rate));
            }
            position = body + size + (size & 1);
        }
        return Optional.empty();
    }

    private static MonoAudio mixDown(ByteBuffer in, int offset, int length, int channels, int rate) {
        int frames = length / (2 * channels);
        float[] samples = new float[frames];
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort(offset + (f * channels + c) * 2);
            }
            samples[f] = sum / (channels * 32768f);
        }
        return new MonoAudio(samples, rate);
    }
}

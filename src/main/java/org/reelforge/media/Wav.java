package org.reelforge.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 16-bit PCM WAV files read and written in chunks, so that minutes of 48 kHz stereo never sit in memory at once.
 * Samples are floats in [-1, 1], interleaved by channel. Only what ffmpeg's {@code pcm_s16le} WAV writer produces
 * (and this class writes) is read: a RIFF header, a {@code fmt } chunk of PCM 16-bit, then {@code data}.
 */
final class Wav {
    private Wav() {
    }

    /** Reads frames from a WAV file. Not thread-safe. */
    static final class Reader implements Closeable {
        private final InputStream in;
        private final int channels;
        private final int sampleRate;
        private long framesLeft;

        private Reader(InputStream in, int channels, int sampleRate, long frames) {
            this.in = in;
            this.channels = channels;
            this.sampleRate = sampleRate;
            this.framesLeft = frames;
        }

        static Reader open(Path file) {
            try {
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                byte[] riff = in.readNBytes(12);
                if (riff.length < 12 || !"RIFF".equals(ascii(riff, 0)) || !"WAVE".equals(ascii(riff, 8))) {
                    in.close();
                    throw new MediaException(file + " is not a WAV file");
                }
                int channels = 0;
                int rate = 0;
                while (true) {
                    byte[] header = in.readNBytes(8);
                    if (header.length < 8) {
                        in.close();
                        throw new MediaException(file + " has no data chunk");
                    }
                    long size = Integer.toUnsignedLong(le(header).getInt(4));
                    String id = ascii(header, 0);
                    if (id.equals("fmt ")) {
                        ByteBuffer fmt = le(in.readNBytes((int) size));
                        if (fmt.getShort(0) != 1 && (fmt.getShort(0) & 0xFFFF) != 0xFFFE || fmt.getShort(14) != 16) {
                            in.close();
                            throw new MediaException(file + " is not 16-bit PCM");
                        }
                        channels = fmt.getShort(2);
                        rate = fmt.getInt(4);
                    } else if (id.equals("data")) {
                        long frames = size == 0xFFFFFFFFL || size == 0 ? Long.MAX_VALUE : size / (2L * Math.max(1, channels));
                        return new Reader(in, channels, rate, frames);
                    } else {
                        in.skipNBytes(size + (size & 1));
                    }
                }
            } catch (IOException e) {
                throw new MediaException("could not read " + file + ": " + e.getMessage(), e);
            }
        }

        int channels() {
            return channels;
        }

        int sampleRate() {
            return sampleRate;
        }

        /** Reads up to {@code maxFrames} frames into {@code buffer}; returns how many were read, fewer only at the end. */
        int read(float[] buffer, int maxFrames) throws IOException {
            int frames = (int) Math.min(framesLeft, Math.min(maxFrames, buffer.length / channels));
            byte[] bytes = in.readNBytes(frames * channels * 2);
            int got = bytes.length / (2 * channels);
            ByteBuffer b = le(bytes);
            for (int i = 0; i < got * channels; i++) {
                buffer[i] = b.getShort(2 * i) / 32768f;
            }
            framesLeft -= got;
            if (got < frames) {
                framesLeft = 0;
            }
            return got;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes frames to a WAV file; sizes are filled in on close. Not thread-safe. */
    static final class Writer implements Closeable {
        private final Path file;
        private final OutputStream out;
        private final int channels;
        private final int sampleRate;
        private long frames;

        Writer(Path file, int channels, int sampleRate) throws IOException {
            this.file = file;
            this.channels = channels;
            this.sampleRate = sampleRate;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            out.write(header(0));
        }

        void write(float[] buffer, int frameCount) throws IOException {
            ByteBuffer b = le(new byte[frameCount * channels * 2]);
            for (int i = 0; i < frameCount * channels; i++) {
                float s = Math.max(-1f, Math.min(1f, buffer[i]));
                b.putShort((short) Math.round(s * 32767f));
            }
            out.write(b.array());
            frames += frameCount;
        }

        @Override
        public void close() throws IOException {
            out.close();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.write(header(frames * channels * 2));
            }
        }

        private byte[] header(long dataBytes) {
            ByteBuffer h = le(new byte[44]);
            h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                    .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
                    .putShort((short) (channels * 2)).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            return h.array();
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}

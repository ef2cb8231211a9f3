package org.reelforge.provider.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Uncompressed PCM audio and its RIFF/WAVE container, written and read without ffmpeg: ElevenLabs returns
 * raw PCM that needs a header, and Whisper's upload limit needs long WAV files cut at sample boundaries.
 *
 * @param data interleaved little-endian samples, a whole number of frames
 */
public record PcmWav(int sampleRate, int channels, int bitsPerSample, byte[] data) {
    private static final int HEADER_BYTES = 44;

    public PcmWav {
        if (sampleRate <= 0 || channels <= 0 || bitsPerSample % 8 != 0 || bitsPerSample <= 0) {
            throw new IllegalArgumentException("bad PCM format " + sampleRate + " Hz, " + channels + " ch, "
                    + bitsPerSample + " bit");
        }
        int frame = channels * bitsPerSample / 8;
        data = data.length % frame == 0 ? data : Arrays.copyOf(data, data.length - data.length % frame);
    }

    public int frameBytes() {
        return channels * bitsPerSample / 8;
    }

    public long frames() {
        return data.length / frameBytes();
    }

    public long durationMillis() {
        return frames() * 1000 / sampleRate;
    }

    /** The whole file: a 44-byte canonical header and the samples. */
    public byte[] toBytes() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * frameBytes()).putShort((short) frameBytes()).putShort((short) bitsPerSample);
        header.put(ascii("data")).putInt(data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    public void write(Path target) {
        try {
            Files.write(target, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAV " + target, e);
        }
    }

    /** Reads a PCM WAV file; empty when the bytes are not an uncompressed RIFF/WAVE file. */
    public static Optional<PcmWav> parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
            return Optional.empty();
        }
        int position = 12;
        int[] format = null;
        while (position + 8 <= file.length) {
            String id = tag(in, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int start = position + 8;
            long available = file.length - (long) start;
            if (id.equals("fmt ") && size >= 16) {
                int audioFormat = Short.toUnsignedInt(in.getShort(start));
                if (audioFormat != 1 && audioFormat != 0xFFFE) {
                    return Optional.empty(); // compressed or float: not what we cut
                }
                format = new int[] {in.getInt(start + 4), Short.toUnsignedInt(in.getShort(start + 2)),
                    Short.toUnsignedInt(in.getShort(start + 14))};
            } else if (id.equals("data") && format != null) {
                int length = (int) Math.min(size, available); // streaming writers leave size as 0xFFFFFFFF
                return Optional.of(new PcmWav(format[0], format[1], format[2],
                        Arrays.copyOfRange(file, start, start + length)));
            }
            position = (int) Math.min(file.length, start + size + (size % 2));
        }
        return Optional.empty();
    }

    /** Cuts into consecutive pieces whose files are at most {@code maxFileBytes} each, at frame boundaries. */
    public List<PcmWav> split(long maxFileBytes) {
        long framesPerPiece = (maxFileBytes - HEADER_BYTES) / frameBytes();
        if (framesPerPiece < 1) {
            throw new IllegalArgumentException("a piece of " + maxFileBytes + " bytes cannot hold one frame");
        }
        List<PcmWav> pieces = new ArrayList<>();
        int step = (int) (framesPerPiece * frameBytes());
        for (int from = 0; from < data.length; from += step) {
            pieces.add(new PcmWav(sampleRate, channels, bitsPerSample,
                    Arrays.copyOfRange(data, from, Math.min(data.length, from + step))));
        }
        return pieces;
    }

    private static String tag(ByteBuffer in, int at) {
        byte[] four = new byte[4];
        in.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package org.reelforge.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small media files made with ffmpeg for tests, and ways to look inside the results. */
final class TestMedia {
    static final Ffmpeg FFMPEG = Ffmpeg.onPath();
    /** A directory name that would break any path pasted into a filter graph. */
    static final String HOSTILE_DIR = "data: it's \"odd\"; [x], y=1 \\ z";

    private TestMedia() {
    }

    /** A test-pattern clip with a sine tone (or no audio when {@code toneHz} is 0). */
    static Path clip(Path dir, String name, int width, int height, int fps, double seconds, int toneHz) {
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                String.format(Locale.ROOT, "testsrc2=s=%dx%d:r=%d:d=%.3f", width, height, fps, seconds)));
        if (toneHz > 0) {
            args.addAll(List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
                    "sine=f=%d:d=%.3f:r=44100,volume=-18dB", toneHz, seconds), "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", Ffmpeg.fileArg(file)));
        FFMPEG.ffmpeg("make test clip " + name, null, args);
        return file;
    }

    /** A mono 22.05 kHz WAV tone, like a TTS voice-over. */
    static Path tone(Path dir, String name, int hz, double seconds) {
        Path file = dir.resolve(name);
        FFMPEG.ffmpeg("make test tone " + name, null, List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
                "sine=f=%d:d=%.3f:r=22050", hz, seconds), "-ac", "1", "-c:a", "pcm_s16le", Ffmpeg.fileArg(file)));
        return file;
    }

    /** The four-character types of the top-level MP4 boxes, in file order. */
    static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mp4)) {
            byte[] header = new byte[8];
            while (in.readNBytes(header, 0, 8) == 8) {
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(header, 0, 4).getInt());
                boxes.add(new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
                long skip = size - 8;
                if (size == 1) {
                    byte[] large = in.readNBytes(8);
                    skip = ByteBuffer.wrap(large).getLong() - 16;
                }
                in.skipNBytes(skip);
            }
        }
        return boxes;
    }

    /** Bounding box {x0, y0, x1, y1} of pixels brighter than {@code threshold} over all gray frames, or null. */
    static int[] brightBox(byte[] grayFrames, int width, int height, int threshold) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int i = 0; i < grayFrames.length; i++) {
            if ((grayFrames[i] & 0xFF) > threshold) {
                int x = i % width;
                int y = (i / width) % height;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        }
        return box[2] < 0 ? null : box;
    }
}

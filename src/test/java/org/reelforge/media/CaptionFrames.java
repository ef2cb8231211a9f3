package org.reelforge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Burns an ASS file over a plain background and grabs one gray frame, as the assembler's libass would draw it. */
final class CaptionFrames {
    /** One rendered frame: its gray pixels and what ffmpeg (libass) said. */
    record Frame(byte[] gray, int width, int height, List<String> stderr) {
        int[] brightBox(int threshold) {
            return TestMedia.brightBox(gray, width, height, threshold);
        }

        /** Bounding box of pixels darker than {@code threshold}, or null. */
        int[] darkBox(int threshold) {
            byte[] inverted = gray.clone();
            for (int i = 0; i < inverted.length; i++) {
                inverted[i] = (byte) (255 - (inverted[i] & 0xFF));
            }
            return TestMedia.brightBox(inverted, width, height, 255 - threshold);
        }

        /** Pixels that differ by more than {@code threshold} between this frame and {@code other}. */
        long differingPixels(Frame other, int threshold) {
            long n = 0;
            for (int i = 0; i < gray.length; i++) {
                if (Math.abs((gray[i] & 0xFF) - (other.gray[i] & 0xFF)) > threshold) {
                    n++;
                }
            }
            return n;
        }
    }

    private CaptionFrames() {
    }

    /** The frame at {@code atSeconds} of {@code ass} burned over a {@code background} (e.g. black, gray) frame. */
    static Frame render(Ffmpeg ffmpeg, String ass, int width, int height, double atSeconds, String background, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("captions.ass"), ass);
        Path frame = dir.resolve("frame.gray");
        Ffmpeg.Run run = ffmpeg.ffmpeg("burn a caption frame", dir, List.of("-f", "lavfi", "-i",
                String.format(Locale.ROOT, "color=c=%s:s=%dx%d:r=10:d=%.2f", background, width, height, atSeconds + 0.5),
                "-vf", String.format(Locale.ROOT, "ass=captions.ass,select='gte(t,%.2f)',format=gray", atSeconds),
                "-frames:v", "1", "-f", "rawvideo", Ffmpeg.fileArg(frame)));
        return new Frame(Files.readAllBytes(frame), width, height, run.stderr());
    }
}

package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.TimedWord;

class CaptionsIT {
    private static final int W = 1080;
    private static final int H = 1920;

    @TempDir
    Path root;

    private final Captions captions = new Captions(CaptionStyle.tiktok());

    /** Renders the captions over black at 4 frames per second and returns the gray frames. */
    private byte[] renderOverBlack(List<TimedWord> words, long durationMillis) throws IOException {
        Path dir = Files.createDirectories(root.resolve(TestMedia.HOSTILE_DIR));
        captions.writeAss(words, durationMillis, dir.resolve("captions.ass"));
        Path frames = dir.resolve("frames.gray");
        TestMedia.FFMPEG.ffmpeg("render captions over black", dir, List.of("-f", "lavfi", "-i",
                String.format(Locale.ROOT, "color=c=black:s=%dx%d:r=4:d=%.2f", W, H, durationMillis / 1000.0),
                "-vf", "ass=captions.ass,format=gray", "-f", "rawvideo", Ffmpeg.fileArg(frames)));
        return Files.readAllBytes(frames);
    }

    @Test
    void hostileWordsRenderInsideTheSafeArea() throws IOException {
        List<TimedWord> words = List.of(
                new TimedWord("\"quoted\"", 0, 400), new TimedWord("back\\slash\\N", 400, 800),
                new TimedWord("{\\b0\\c&H0000FF&}", 800, 1200), new TimedWord("a:b;c", 1200, 1600),
                new TimedWord("new\nline", 1700, 2100), new TimedWord("😀🎬", 2100, 2500),
                new TimedWord("مرحبا", 2500, 2900), new TimedWord("שלום", 2900, 3300),
                new TimedWord("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", 3400, 3900));
        int[] box = TestMedia.brightBox(renderOverBlack(words, 4_000), W, H, 40);

        assertThat(box).as("caption pixels").isNotNull();
        assertThat(SafeArea.TIKTOK.contains(box[0], box[1], box[2], box[3]))
                .as("caption box %d,%d..%d,%d inside %s", box[0], box[1], box[2], box[3], SafeArea.TIKTOK).isTrue();
    }

    @Test
    void aBackslashNInAWordStaysOnOneLine() throws IOException {
        int[] box = TestMedia.brightBox(renderOverBlack(List.of(new TimedWord("C:\\New\\h\\n", 0, 900)), 1_000), W, H, 40);
        assertThat(box).isNotNull();
        assertThat(box[3] - box[1]).as("height of the caption").isLessThan(80);
        assertThat(box[2] - box[0]).as("width of the caption").isGreaterThan(250);
    }

    @Test
    void captionsSitAtTheBottomCentreAboveTheSafeBottom() throws IOException {
        int[] box = TestMedia.brightBox(renderOverBlack(List.of(new TimedWord("centre", 0, 900)), 1_000), W, H, 40);
        int centre = (box[0] + box[2]) / 2;
        int safeCentre = (SafeArea.TIKTOK.left() + W - SafeArea.TIKTOK.right()) / 2;
        assertThat(Math.abs(centre - safeCentre)).isLessThan(10);
        assertThat(H - SafeArea.TIKTOK.bottom() - box[3]).isBetween(0, 40);
    }
}

package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.Aspect;

class OwnMediaIT {
    @TempDir
    static Path root;
    static Path dir;
    static Path shortClip;
    static Path longClip;
    static Path photo;

    private final OwnMedia own = new OwnMedia(TestMedia.FFMPEG, "ultrafast");

    @BeforeAll
    static void makeSources() throws Exception {
        dir = Files.createDirectories(root.resolve(TestMedia.HOSTILE_DIR));
        shortClip = TestMedia.clip(dir, "my 'holiday' [2 s].mp4", 640, 360, 25, 2, 440);
        longClip = TestMedia.clip(dir, "long; take=10.mp4", 720, 1280, 30, 10, 330);
        photo = dir.resolve("photo: \"me\".png");
        TestMedia.FFMPEG.ffmpeg("make a photo", null, List.of("-f", "lavfi", "-i", "testsrc2=s=1600x1200:d=1",
                "-frames:v", "1", Ffmpeg.fileArg(photo)));
    }

    private static byte[] grayFrameAt(Path video, double seconds, Aspect aspect) throws Exception {
        Path raw = video.resolveSibling(video.getFileName() + "." + seconds + ".gray");
        TestMedia.FFMPEG.ffmpeg("grab a frame", null, List.of("-ss", String.valueOf(seconds), "-i", Ffmpeg.fileArg(video),
                "-frames:v", "1", "-vf", "format=gray", "-f", "rawvideo", Ffmpeg.fileArg(raw)));
        byte[] frame = Files.readAllBytes(raw);
        assertThat(frame).hasSize(aspect.width() * aspect.height());
        return frame;
    }

    private static long differing(byte[] a, byte[] b) {
        long n = 0;
        for (int i = 0; i < a.length; i += 7) {
            n += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) > 30 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aVideoShorterThanTheBlockIsLoopedToExactlyItsLengthWithItsSound() throws Exception {
        OwnMedia.Made made = own.blockClip(shortClip, 6_000, Aspect.PORTRAIT, true, dir.resolve("block 1.mp4"), dir.resolve("w1"));
        Probe probe = Probe.of(TestMedia.FFMPEG, made.file());
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat(probe.fps()).isCloseTo(30, within(0.01));
        assertThat(probe.durationMillis()).isCloseTo(6_000, within(70L));
        assertThat(made.withSound()).isTrue();
        assertThat(Loudness.measure(TestMedia.FFMPEG, made.file()).integratedLufs()).isGreaterThan(-40);
        assertThat(differing(grayFrameAt(made.file(), 1.0, Aspect.PORTRAIT), grayFrameAt(made.file(), 5.0, Aspect.PORTRAIT)))
                .as("the picture moves late in the block: the clip was looped, not frozen").isGreaterThan(100);
    }

    @Test
    void aVideoLongerThanTheBlockIsCutAndCanBeMadeSilent() {
        OwnMedia.Made made = own.blockClip(longClip, 4_000, Aspect.SQUARE, false, dir.resolve("block 2.mp4"), dir.resolve("w2"));
        Probe probe = Probe.of(TestMedia.FFMPEG, made.file());
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1080);
        assertThat(probe.durationMillis()).isCloseTo(4_000, within(70L));
        assertThat(made.withSound()).isFalse();
        assertThat(Loudness.measure(TestMedia.FFMPEG, made.file()).isAudible()).isFalse();
    }

    @Test
    void aStillImageGetsASlowPanAndZoomForTheWholeBlock() throws Exception {
        OwnMedia.Made made = own.blockClip(photo, 4_000, Aspect.LANDSCAPE, true, dir.resolve("block 3.mp4"), dir.resolve("w3"));
        Probe probe = Probe.of(TestMedia.FFMPEG, made.file());
        assertThat(made.fromImage()).isTrue();
        assertThat(probe.width()).isEqualTo(1920);
        assertThat(probe.height()).isEqualTo(1080);
        assertThat(probe.durationMillis()).isCloseTo(4_000, within(70L));
        assertThat(differing(grayFrameAt(made.file(), 0.1, Aspect.LANDSCAPE), grayFrameAt(made.file(), 3.8, Aspect.LANDSCAPE)))
                .as("the camera moved").isGreaterThan(1_000);
    }

    @Test
    void ownClipsAssembleInEveryFormat() {
        FfmpegAssembler assembler = new FfmpegAssembler(TestMedia.FFMPEG, "ultrafast");
        for (Aspect aspect : Aspect.values()) {
            Path a = own.blockClip(photo, 2_000, aspect, true, dir.resolve("a-" + aspect + ".mp4"), dir.resolve("wa")).file();
            Path b = own.blockClip(shortClip, 2_000, aspect, true, dir.resolve("b-" + aspect + ".mp4"), dir.resolve("wb")).file();
            List<Assembler.Input> inputs = List.of(new Assembler.Input(1, a, 0, 2_000, null), new Assembler.Input(2, b, 0, 2_000, null));
            Path work = dir.resolve("assembly " + aspect);
            Path target = dir.resolve("final " + aspect + ".mp4");
            Assembler.Rendered rendered = assembler.render(inputs, assembler.joinAudio(inputs, work), null,
                    Assembler.Look.DEFAULT.withAspect(aspect), target, work);
            Probe probe = Probe.of(TestMedia.FFMPEG, target);
            assertThat(probe.width()).as(aspect.ratio()).isEqualTo(aspect.width());
            assertThat(probe.height()).as(aspect.ratio()).isEqualTo(aspect.height());
            assertThat(rendered.durationMillis()).isEqualTo(4_000);
        }
    }

    @Test
    void aFileThatIsNoPictureIsRefusedByName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> own.blockClip(text, 4_000, Aspect.PORTRAIT, true, dir.resolve("x.mp4"), dir.resolve("wx")))
                .isInstanceOf(MediaException.class).hasMessageContaining("notes.txt");
    }
}

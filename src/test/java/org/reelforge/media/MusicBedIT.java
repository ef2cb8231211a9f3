package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.Aspect;

/**
 * A music bed under a voice: a 3 kHz "music" tone and a 300 Hz "voice" speaking one second in two, so each can be
 * heard apart on the delivered file with a band-pass filter.
 */
class MusicBedIT {
    @TempDir
    static Path root;
    static Path dir;
    static Path music;
    static Path voiced;

    private final FfmpegAssembler assembler = new FfmpegAssembler(TestMedia.FFMPEG, "ultrafast");

    @BeforeAll
    static void makeMedia() throws Exception {
        dir = Files.createDirectories(root.resolve(TestMedia.HOSTILE_DIR));
        music = dir.resolve("bed 'music' [1].m4a");
        TestMedia.FFMPEG.ffmpeg("make a music tone", null, List.of("-f", "lavfi", "-i",
                "sine=f=3000:r=48000:d=2.5,volume=-20dB", "-ac", "2", "-c:a", "aac", Ffmpeg.fileArg(music)));
        // voice: 300 Hz from 1-2 s, 3-4 s, 5-6 s of a 7 s clip
        voiced = dir.resolve("voiced.mp4");
        TestMedia.FFMPEG.ffmpeg("make a speaking clip", null, List.of("-f", "lavfi", "-i", "testsrc2=s=360x640:r=24:d=7",
                "-f", "lavfi", "-i", "sine=f=300:r=48000:d=7,volume='if(eq(mod(floor(t),2),1),0.3,0)':eval=frame",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Ffmpeg.fileArg(voiced)));
    }

    private static MusicBed bed(int volume) {
        Loudness loudness = Loudness.measure(TestMedia.FFMPEG, music);
        return new MusicBed(music, Probe.of(TestMedia.FFMPEG, music).durationMillis(), loudness.integratedLufs(), volume);
    }

    /** Level in dB of the 3 kHz band, per 100 ms, of the delivered file's sound. */
    private static double[] musicBand(Path video) throws Exception {
        Path raw = video.resolveSibling(video.getFileName() + ".band");
        TestMedia.FFMPEG.ffmpeg("isolate the music band", null, List.of("-i", Ffmpeg.fileArg(video), "-map", "0:a:0",
                "-af", "bandpass=f=3000:width_type=q:w=4,bandpass=f=3000:width_type=q:w=4,aformat=sample_fmts=flt:channel_layouts=mono,aresample=48000",
                "-f", "f32le", Ffmpeg.fileArg(raw)));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        double[] levels = new double[b.remaining() / 4 / 4_800];
        for (int i = 0; i < levels.length; i++) {
            double sum = 0;
            for (int j = 0; j < 4_800; j++) {
                float s = b.getFloat((i * 4_800 + j) * 4);
                sum += s * s;
            }
            levels[i] = 10 * Math.log10(sum / 4_800 + 1e-12);
        }
        return levels;
    }

    private static double mean(double[] levels, int fromTenths, int toTenths) {
        double sum = 0;
        for (int i = fromTenths; i < toTenths; i++) {
            sum += levels[i];
        }
        return sum / (toTenths - fromTenths);
    }

    @Test
    void theMusicBedDucksUnderTheVoiceAndTheMixStaysAtMinus14Lufs() throws Exception {
        List<Assembler.Input> inputs = List.of(new Assembler.Input(1, voiced, 0, 7_000, null));
        Path target = dir.resolve("with music.mp4");
        Path work = dir.resolve("work music");
        Assembler.Rendered rendered = assembler.render(inputs, assembler.joinAudio(inputs, work), null,
                new Assembler.Look(Aspect.PORTRAIT, true, bed(100)), target, work);

        double[] band = musicBand(target);
        // speech at 1-2, 3-4, 5-6 s; gaps at 2-3, 4-5 s (0.3 s left for attack and release)
        double underSpeech = (mean(band, 13, 20) + mean(band, 33, 40) + mean(band, 53, 60)) / 3;
        double inGaps = (mean(band, 25, 30) + mean(band, 45, 50)) / 2;
        assertThat(inGaps - underSpeech).as("music %.1f dB in gaps, %.1f dB under speech", inGaps, underSpeech)
                .isGreaterThanOrEqualTo(8);
        assertThat(inGaps - underSpeech).isLessThan(16);
        assertThat(rendered.integratedLufs()).isBetween(-15.0, -13.0);
        assertThat(rendered.truePeakDbtp()).isLessThanOrEqualTo(-1.0);
        Loudness delivered = Loudness.measure(TestMedia.FFMPEG, target);
        assertThat(delivered.integratedLufs()).isBetween(-15.0, -13.0);
        assertThat(delivered.truePeakDbtp()).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void theBedIsLoopedUnderASilentClipAndItsVolumeOptionMovesIt() throws Exception {
        Path silent = TestMedia.clip(dir, "silent.mp4", 360, 640, 24, 6, 0);
        List<Assembler.Input> inputs = List.of(new Assembler.Input(1, silent, 0, 6_000, null));
        Path work = dir.resolve("work silent");
        Path loud = dir.resolve("loud.mp4");
        assembler.render(inputs, assembler.joinAudio(inputs, work), null, new Assembler.Look(Aspect.SQUARE, false, bed(100)),
                loud, work);
        double[] band = musicBand(loud);
        // the 2.5 s track is looped: music all along (after the fade-in, before the fade-out)
        for (int tenth = 6; tenth < 44; tenth++) {
            assertThat(band[tenth]).as("music at %.1f s", tenth / 10.0).isGreaterThan(mean(band, 6, 44) - 3);
        }
        assertThat(Probe.of(TestMedia.FFMPEG, loud).width()).isEqualTo(1080);
        assertThat(Probe.of(TestMedia.FFMPEG, loud).height()).isEqualTo(1080);
        assertThat(String.format(Locale.ROOT, "%.1f", Loudness.measure(TestMedia.FFMPEG, loud).integratedLufs()))
                .as("music alone is brought to the target too").isIn("-14.5", "-14.4", "-14.3", "-14.2", "-14.1", "-14.0",
                        "-13.9", "-13.8", "-13.7", "-13.6", "-13.5");
    }
}

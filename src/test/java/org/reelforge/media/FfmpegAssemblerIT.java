package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.TimedWord;

class FfmpegAssemblerIT {
    @TempDir
    static Path root;
    static Path dir;
    static Path veoLike;
    static Path fullHd;
    static Path landscapeSilent;

    private final FfmpegAssembler assembler = new FfmpegAssembler(TestMedia.FFMPEG);

    @BeforeAll
    static void makeClips() throws IOException {
        dir = Files.createDirectories(root.resolve(TestMedia.HOSTILE_DIR));
        veoLike = TestMedia.clip(dir, "block 1.mp4", 720, 1280, 24, 3, 440);
        fullHd = TestMedia.clip(dir, "block 2.mp4", 1080, 1920, 30, 2, 660);
        landscapeSilent = TestMedia.clip(dir, "block 3.mp4", 640, 360, 25, 2, 0);
    }

    private static List<Assembler.Input> allThree() {
        return List.of(new Assembler.Input(1, veoLike, 0, 3_000, null), new Assembler.Input(2, fullHd, 0, 2_000, null),
                new Assembler.Input(3, landscapeSilent, 0, 2_000, null));
    }

    private Path captions(long durationMillis) {
        List<TimedWord> words = CaptionsTest.evenly("Bonjour {tout} le monde C:\\New \"quoted\" ; : fin", 200, 600);
        return new Captions(CaptionStyle.tiktok()).writeAss(words, durationMillis, dir.resolve("subs: 1.ass"));
    }

    @Test
    void rendersClipsOfDifferentSizesAndRatesIntoOneFaststartH264HighVideoAtMinus14Lufs() throws IOException {
        Path target = dir.resolve("final: \"1\".mp4");
        Assembler.Joined joined = assembler.joinAudio(allThree(), dir.resolve("work 1"));
        Assembler.Rendered rendered = assembler.render(allThree(), joined, captions(7_000), target, dir.resolve("work 1"));

        Probe probe = Probe.of(TestMedia.FFMPEG, target);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.videoProfile()).isEqualTo("High");
        assertThat(probe.fps()).isCloseTo(30, within(0.01));
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.sampleRate()).isEqualTo(48_000);
        assertThat(probe.channels()).isEqualTo(2);
        assertThat(probe.durationMillis()).isCloseTo(7_000, within(200L));
        assertThat(TestMedia.topLevelBoxes(target)).containsSubsequence("moov", "mdat");

        Loudness loudness = Loudness.measure(TestMedia.FFMPEG, target);
        assertThat(loudness.integratedLufs()).isCloseTo(-14, within(1.0));
        assertThat(loudness.truePeakDbtp()).isLessThanOrEqualTo(-1.0);
        assertThat(rendered.integratedLufs()).isCloseTo(loudness.integratedLufs(), within(0.05));
        assertThat(rendered.durationMillis()).isEqualTo(probe.durationMillis());
        assertThat(rendered.renderMillis()).isPositive();
        assertThat(dir.resolve("final: \"1\".mp4.part")).doesNotExist();
    }

    @Test
    void aFileWhosePeaksStillEndOverMinusOneDbtpIsBroughtUnderTheCeilingWithoutTouchingItsVideo() throws IOException {
        Path loud = dir.resolve("too loud: 1.mp4");
        TestMedia.FFMPEG.ffmpeg("make a clipping clip", null, List.of("-f", "lavfi", "-i", "testsrc2=s=320x568:r=30:d=2",
                "-f", "lavfi", "-i", "sine=f=997:d=2:r=48000,volume=17.5dB", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "48000", Ffmpeg.fileArg(loud)));
        Loudness before = Loudness.measure(TestMedia.FFMPEG, loud);
        assertThat(before.truePeakDbtp()).isGreaterThan(-1.0);
        Probe video = Probe.of(TestMedia.FFMPEG, loud);

        Loudness after = assembler.lowerTruePeak(loud, before);

        assertThat(after.truePeakDbtp()).isLessThanOrEqualTo(-1.0);
        assertThat(after.integratedLufs()).isCloseTo(before.integratedLufs() - (before.truePeakDbtp() + 1.5), within(0.5));
        assertThat(Loudness.measure(TestMedia.FFMPEG, loud).truePeakDbtp()).isEqualTo(after.truePeakDbtp());
        Probe lowered = Probe.of(TestMedia.FFMPEG, loud);
        assertThat(lowered.width()).isEqualTo(video.width());
        assertThat(lowered.durationMillis()).isCloseTo(video.durationMillis(), within(50L));
        assertThat(TestMedia.topLevelBoxes(loud)).containsSubsequence("moov", "mdat");
        assertThat(dir.resolve("too loud: 1.mp4.peak")).doesNotExist();
    }

    @Test
    void aPartialAssemblyWithoutBlockTwoLastsTheSumOfTheOtherBlocks() {
        List<Assembler.Input> partial = List.of(allThree().get(0), allThree().get(2));
        Path target = dir.resolve("partial.mp4");
        Assembler.Joined joined = assembler.joinAudio(partial, dir.resolve("work 2"));
        assembler.render(partial, joined, captions(5_000), target, dir.resolve("work 2"));
        assertThat(Probe.of(TestMedia.FFMPEG, target).durationMillis()).isCloseTo(5_000, within(200L));
        assertThat(joined.startsMillis()).containsExactly(0L, 3_000L);
    }

    @Test
    void joinedAudioIsA16kHzMonoTimelineWithTheVoiceOverOverEachClip() {
        Path voice = TestMedia.tone(dir, "voice 1.wav", 300, 2.5);
        List<Assembler.Input> narrated = List.of(new Assembler.Input(1, veoLike, 0, 3_000, voice),
                new Assembler.Input(3, landscapeSilent, 500, 1_500, null));
        Assembler.Joined joined = assembler.joinAudio(narrated, dir.resolve("work 3"));

        Probe probe = Probe.of(TestMedia.FFMPEG, joined.audio());
        assertThat(probe.audioCodec()).isEqualTo("pcm_s16le");
        assertThat(probe.sampleRate()).isEqualTo(16_000);
        assertThat(probe.channels()).isEqualTo(1);
        assertThat(probe.durationMillis()).isCloseTo(4_500, within(50L));
        assertThat(joined.startsMillis()).containsExactly(0L, 3_000L);
        assertThat(joined.totalMillis()).isEqualTo(4_500);
    }

    @Test
    void narratedRenderMixesTheVoiceOverAndKeepsTheDuration() {
        Path voice = TestMedia.tone(dir, "voice 2.wav", 300, 1.5);
        List<Assembler.Input> narrated = List.of(new Assembler.Input(1, veoLike, 1_000, 2_000, voice));
        Path target = dir.resolve("narrated.mp4");
        Assembler.Rendered rendered = assembler.render(narrated, assembler.joinAudio(narrated, dir.resolve("work 4")),
                null, target, dir.resolve("work 4"));
        assertThat(rendered.durationMillis()).isCloseTo(2_000, within(200L));
        assertThat(rendered.integratedLufs()).isCloseTo(-14, within(1.0));
    }

    @Test
    void sameSizeClipsAreStreamedThroughAPlaylistWithTheirWindowsAndVoiceOversInAHostileDirectory() throws IOException {
        Path second = TestMedia.clip(dir, "block 4 'it''s'.mp4", 720, 1280, 24, 3, 550);
        Path voice = TestMedia.clip(dir, "voice 1.mp4", 720, 1280, 24, 1, 300);
        List<Assembler.Input> inputs = List.of(new Assembler.Input(1, veoLike, 500, 2_000, voice),
                new Assembler.Input(2, second, 0, 3_000, voice));
        Path target = dir.resolve("streamed 'final'.mp4");

        Assembler.Rendered r = assembler.render(inputs, assembler.joinAudio(inputs, dir.resolve("work 4")),
                captions(5_000), target, dir.resolve("work 4"));

        Probe p = Probe.of(TestMedia.FFMPEG, target);
        assertThat(p.width()).isEqualTo(1080);
        assertThat(p.height()).isEqualTo(1920);
        assertThat(p.durationMillis()).isBetween(4_800L, 5_200L);
        assertThat(Files.readString(dir.resolve("work 4").resolve("clips.ffconcat"))).contains("inpoint 0.500", "outpoint 2.500");
        assertThat(r.integratedLufs()).isBetween(-15.0, -13.0);
    }

    @Test
    void sameSizeClipsWithAndWithoutSoundAreStreamedAndTheSilentBlockStaysSilent() throws IOException {
        Path silent = TestMedia.clip(dir, "block 5 silent.mp4", 720, 1280, 24, 2, 0);
        List<Assembler.Input> inputs = List.of(new Assembler.Input(1, veoLike, 0, 3_000, null),
                new Assembler.Input(2, silent, 0, 2_000, null));
        Path target = dir.resolve("mixed sound.mp4");

        Assembler.Rendered r = assembler.render(inputs, assembler.joinAudio(inputs, dir.resolve("work 5")),
                null, target, dir.resolve("work 5"));

        assertThat(dir.resolve("work 5").resolve("clips.ffconcat")).exists();
        assertThat(Probe.of(TestMedia.FFMPEG, target).durationMillis()).isCloseTo(5_000, within(200L));
        assertThat(r.integratedLufs()).isCloseTo(-14, within(1.0));
        Ffmpeg.Run tail = TestMedia.FFMPEG.ffmpeg("measure the silent block", null, List.of("-ss", "3.2", "-i",
                Ffmpeg.fileArg(target), "-map", "0:a:0", "-af", "volumedetect", "-f", "null", "-"));
        String max = tail.stderr().stream().filter(l -> l.contains("max_volume:")).findFirst().orElseThrow()
                .replaceAll(".*max_volume: (\\S+) dB.*", "$1");
        assertThat(max.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(max)).as(max).isLessThan(-60.0);
    }

    @Test
    void thumbnailIsAJpegFrameOfTheVideo() {
        Path target = dir.resolve("thumb: 1.jpg");
        assembler.thumbnail(fullHd, target);
        Probe probe = Probe.of(TestMedia.FFMPEG, target);
        assertThat(probe.videoCodec()).isEqualTo("mjpeg");
        assertThat(probe.width()).isEqualTo(1080);
    }
}

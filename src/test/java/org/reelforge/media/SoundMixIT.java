package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundMixIT {
    @TempDir
    Path dir;

    private Path block(String source, String name) {
        Path wav = dir.resolve(name);
        TestMedia.FFMPEG.ffmpeg("make a block sound", null, List.of("-f", "lavfi", "-i", source, "-ar", "48000", "-ac", "2",
                "-c:a", "pcm_s16le", Ffmpeg.fileArg(wav)));
        return wav;
    }

    @Test
    void peakySpeechLikeSoundEndsAtMinus14LufsWithItsPeaksUnderTheCeiling() {
        // quiet tone with sharp loud bursts every half second: a limiter must work, and loudness must still land
        Path peaky = block("aevalsrc='0.05*sin(2*PI*220*t)+if(lt(mod(t,0.5),0.01),0.9*sin(2*PI*1000*t),0)':s=48000:d=4", "a.wav");
        Path quiet = block("sine=f=330:r=48000:d=2,volume=-30dB", "b.wav");
        SoundMix.Result result = new SoundMix(List.of(new SoundMix.Part(peaky, 4 * 48_000), new SoundMix.Part(quiet, 2 * 48_000)),
                null, null).write(dir.resolve("sound.wav"));

        Loudness written = Loudness.measure(TestMedia.FFMPEG, result.wav());
        assertThat(written.integratedLufs()).isBetween(-14.3, -13.7);
        assertThat(written.truePeakDbtp()).isLessThanOrEqualTo(-1.8);
        assertThat(result.deepestLimitDb()).as("the limiter worked").isLessThan(-1);
        assertThat(Probe.of(TestMedia.FFMPEG, result.wav()).durationMillis()).isEqualTo(6_000);
    }

    @Test
    void silenceStaysSilent() {
        Path silence = block("anullsrc=r=48000:cl=stereo:d=2", "silence.wav");
        SoundMix.Result result = new SoundMix(List.of(new SoundMix.Part(silence, 2 * 48_000)), null, null)
                .write(dir.resolve("silent.wav"));
        assertThat(result.gainDb()).isZero();
        assertThat(Loudness.measure(TestMedia.FFMPEG, result.wav()).isAudible()).isFalse();
    }
}

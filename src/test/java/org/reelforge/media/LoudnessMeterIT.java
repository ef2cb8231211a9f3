package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java meter agrees with ffmpeg's ebur128 on the same file, so the gain it computes lands where ebur128 reads it. */
class LoudnessMeterIT {
    @TempDir
    Path dir;

    private double javaMeter(Path wav) throws Exception {
        LoudnessMeter meter = new LoudnessMeter();
        float[] chunk = new float[9_600];
        try (Wav.Reader in = Wav.Reader.open(wav)) {
            for (int got = in.read(chunk, 4_800); got > 0; got = in.read(chunk, 4_800)) {
                meter.add(chunk, got);
            }
        }
        return meter.integratedLufs();
    }

    @Test
    void integratedLoudnessMatchesEbur128WithinATenth() throws Exception {
        String[] sources = {"anoisesrc=c=pink:r=48000:a=0.2:d=6", "sine=f=100:r=48000:d=5,volume=-6dB",
                "sine=f=5000:r=48000:d=5,volume='if(lt(mod(t,2),1),1,0.05)':eval=frame"};
        for (int i = 0; i < sources.length; i++) {
            Path wav = dir.resolve("signal" + i + ".wav");
            TestMedia.FFMPEG.ffmpeg("make a test signal", null, List.of("-f", "lavfi", "-i", sources[i], "-ac", "2",
                    "-c:a", "pcm_s16le", Ffmpeg.fileArg(wav)));
            double ffmpeg = Loudness.measure(TestMedia.FFMPEG, wav).integratedLufs();
            assertThat(javaMeter(wav)).as(sources[i]).isCloseTo(ffmpeg, within(0.1));
        }
    }

    @Test
    void silenceHasNoLoudness() {
        LoudnessMeter meter = new LoudnessMeter();
        meter.add(new float[96_000], 48_000);
        assertThat(meter.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}

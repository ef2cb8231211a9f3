package org.reelforge.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A music track to lay under a video's voice, as measured when it entered the library (or was chosen as a file).
 *
 * @param loudnessLufs  the track's integrated loudness, to set its level under the voice whatever its mastering
 * @param volumePercent 0–200: 100 puts the bed {@value #BED_UNDER_VOICE_LU} LU under the voice between sentences
 */
public record MusicBed(Path file, long durationMillis, double loudnessLufs, int volumePercent) {
    /** Where the bed sits at 100 %: this far under the voice's loudness, between its sentences. */
    public static final double BED_UNDER_VOICE_LU = 8;

    public MusicBed {
        Objects.requireNonNull(file, "file");
        if (durationMillis <= 0 || !Double.isFinite(loudnessLufs)) {
            throw new IllegalArgumentException("a music bed needs a duration and a finite loudness, got " + durationMillis
                    + " ms, " + loudnessLufs + " LUFS (is " + file.getFileName() + " silent?)");
        }
        if (volumePercent < 0 || volumePercent > 200) {
            throw new IllegalArgumentException("music volume must be 0 to 200 %, got " + volumePercent);
        }
    }

    public MusicBed withVolume(int percent) {
        return new MusicBed(file, durationMillis, loudnessLufs, percent);
    }

    /** The gain that puts this track at its bed level under a voice of {@code voiceLufs}. */
    double gainDb(double voiceLufs) {
        double voice = Double.isFinite(voiceLufs) ? voiceLufs : FfmpegAssembler.TARGET_LUFS;
        return voice - BED_UNDER_VOICE_LU + 20 * Math.log10(Math.max(volumePercent, 1) / 100.0) - loudnessLufs;
    }
}

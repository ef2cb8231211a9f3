package org.reelforge.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Joins block clips into the final vertical video. Implementations drive ffmpeg as a process; every
 * method blocks until its files exist and writes them under a temporary name first, then renames.
 * Failures raise {@link MediaException} with the command's last stderr lines.
 */
public interface Assembler {
    /**
     * Builds the speech timeline of the joined video: each input's audio (its clip's own audio, plus its
     * voice-over when there is one) placed at the block's start, as one 16 kHz mono WAV for alignment or
     * transcription. Inputs are in block order; missing blocks are simply not in the list.
     */
    Joined joinAudio(List<Input> inputs, Path workDir);

    /**
     * Renders {@code target} in one video encode: clips concatenated in order, scaled/padded to
     * 1080×1920, the ASS captions burned in, audio mixed (voice-over over the clip audio when present)
     * and normalised to -14 LUFS integrated, true peak ≤ -1 dBTP; H.264 High + AAC 48 kHz, +faststart.
     */
    Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Path target, Path workDir);

    /** Writes a JPEG still of {@code video} (a frame from its first second or so). */
    void thumbnail(Path video, Path target);

    /**
     * One block of the joined video.
     *
     * @param offsetMillis   where the block's part starts inside {@code clip} (0 unless the provider returned a
     *                       combined video)
     * @param durationMillis how much of the clip to use from {@code offsetMillis}: the block's duration
     * @param voiceOver      narrated mode: the block's speech (WAV) laid over the clip; null otherwise
     */
    record Input(int blockIndex, Path clip, long offsetMillis, long durationMillis, Path voiceOver) {
    }

    /** The joined speech track and where each input starts in it. */
    record Joined(Path audio, List<Long> startsMillis, long totalMillis) {
        public Joined {
            startsMillis = List.copyOf(startsMillis);
        }
    }

    /** What was rendered: duration and the loudness measured on the way. */
    record Rendered(Path file, long durationMillis, double integratedLufs, double truePeakDbtp, long renderMillis) {
    }
}

package org.reelforge.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.reelforge.video.Aspect;

/**
 * Joins block clips into the final video. Implementations drive ffmpeg as processes.
 *
 * <p>Threading and blocking: implementations are thread-safe; every method blocks until its files exist (seconds
 * for {@link #prepareClip} and {@link #joinAudio}, about one video encode for {@link #render}) and writes them under a
 * temporary name first, then renames. Calls for the same video must use the same {@code workDir} and must not run
 * at the same time; calls for different videos may.
 *
 * <p>Failures raise {@link MediaException} with what was tried and the command's last stderr lines: a clip without
 * a video stream, an unreadable file, a full disk. None is worth retrying with the same inputs.
 */
public interface Assembler {
    /**
     * Prepares one block as soon as its clip has arrived, off the assembly's critical path: probes the clip and
     * writes its sound (clip audio plus voice-over) as the later steps need it, into {@code workDir}. Optional:
     * {@link #joinAudio} and {@link #render} prepare whatever was not; calling it again for an unchanged input does
     * nothing, for a changed clip (a regenerated block) it prepares again. The default does nothing.
     */
    default void prepareClip(Input input, Path workDir) {
        Objects.requireNonNull(input, "input");
    }

    /**
     * Builds the speech timeline of the joined video: each input's audio (its clip's own audio, plus its
     * voice-over when there is one) placed at the block's start, as one 16 kHz mono WAV for alignment or
     * transcription. Inputs are in block order; missing blocks are simply not in the list. No music.
     */
    Joined joinAudio(List<Input> inputs, Path workDir);

    /**
     * Renders {@code target} in one video encode: clips concatenated in order, scaled to the look's format (cropped
     * a little when the shape is close, else fitted with bars), the ASS captions burned in (unless the look says not
     * to, or {@code captionsAss} is null), the sound mixed (voice-over over the clip audio, the music bed ducked under
     * speech) and brought to -14 LUFS integrated with true peak ≤ -1 dBTP on the delivered file; H.264 High + AAC
     * 48 kHz stereo, +faststart. The default serves implementations that know only the default look.
     */
    default Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Look look, Path target, Path workDir) {
        if (!Look.DEFAULT.equals(look)) {
            throw new MediaException(getClass().getSimpleName() + " renders only the default look, not " + look);
        }
        return render(inputs, joined, captionsAss, target, workDir);
    }

    /** {@link #render(List, Joined, Path, Look, Path, Path)} with {@link Look#DEFAULT}: 9:16, captions, no music. */
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

    /**
     * How the video is rendered, as one value so that new options do not change the port's methods.
     *
     * @param aspect       output format (frame size)
     * @param burnCaptions false for caption style {@code none}: nothing is burned even if an ASS file is given
     * @param music        the bed under the voice, or null for none
     */
    record Look(Aspect aspect, boolean burnCaptions, MusicBed music) {
        public static final Look DEFAULT = new Look(Aspect.PORTRAIT, true, null);

        public Look {
            Objects.requireNonNull(aspect, "aspect");
        }

        public Look withMusic(MusicBed bed) {
            return new Look(aspect, burnCaptions, bed);
        }

        public Look withAspect(Aspect newAspect) {
            return new Look(newAspect, burnCaptions, music);
        }
    }

    /** The joined speech track and where each input starts in it. */
    record Joined(Path audio, List<Long> startsMillis, long totalMillis) {
        public Joined {
            startsMillis = List.copyOf(startsMillis);
        }
    }

    /** What was rendered: duration and the loudness measured on the delivered file. */
    record Rendered(Path file, long durationMillis, double integratedLufs, double truePeakDbtp, long renderMillis) {
    }
}

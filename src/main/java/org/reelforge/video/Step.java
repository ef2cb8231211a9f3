package org.reelforge.video;

import java.util.List;
import java.util.Locale;

/** The pipeline's steps, in order. {@link #ADAPT} and {@link #AUDIO} run in narrated mode only. */
public enum Step {
    SCRIPT(CompletedStep.SCRIPT_GENERATED),
    ADAPT(CompletedStep.SCRIPT_ADAPTED),
    AUDIO(CompletedStep.AUDIO_GENERATED),
    CLIPS(CompletedStep.CLIPS_GENERATED),
    ASSEMBLY(CompletedStep.VIDEO_ASSEMBLED);

    private final CompletedStep marker;

    Step(CompletedStep marker) {
        this.marker = marker;
    }

    /** The {@code last_successful_step} recorded when this step succeeds. */
    public CompletedStep marker() {
        return marker;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The steps a video of this mode goes through, in order. */
    public static List<Step> sequence(Mode mode) {
        return mode == Mode.NARRATED ? List.of(SCRIPT, ADAPT, AUDIO, CLIPS, ASSEMBLY) : List.of(SCRIPT, CLIPS, ASSEMBLY);
    }

    /**
     * Where a job starts ({@code start_from}): the step after {@code lastSuccessful}, or {@link #SCRIPT} when
     * nothing succeeded yet; null when the video is already assembled (processing it again does nothing).
     */
    public static Step startFrom(CompletedStep lastSuccessful, Mode mode) {
        List<Step> steps = sequence(mode);
        if (lastSuccessful == null) {
            return SCRIPT;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).marker().ordinal() > lastSuccessful.ordinal()) {
                return steps.get(i);
            }
        }
        return null;
    }

    /** The steps skipped because they already succeeded, for the "Skipping … (already done)" log lines. */
    public static List<Step> alreadyDone(CompletedStep lastSuccessful, Mode mode) {
        if (lastSuccessful == null) {
            return List.of();
        }
        return sequence(mode).stream().filter(s -> s.marker().ordinal() <= lastSuccessful.ordinal()).toList();
    }
}

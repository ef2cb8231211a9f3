package org.reelforge.media;

import java.nio.file.Path;

/**
 * Looks at a clip before it counts: can every frame be decoded, how long is it really, does it have sound; and takes
 * still frames of it (a key frame for the anchored strategy, the last frame to start a new extend chain). Thread-safe;
 * blocks while ffmpeg works (a fraction of a second for a clip of a few seconds).
 */
public interface ClipInspector {
    /** Decodes {@code clip} whole (fast, no output) and probes it; never throws for a bad file, says why instead. */
    Inspection inspect(Path clip);

    /** Probes {@code clip} without decoding it (cheap: for clips already inspected once); says why it is unusable. */
    Inspection look(Path clip);

    /**
     * Writes the frame of {@code clip} at {@code atMillis} (clamped to the clip) as a PNG.
     *
     * @throws MediaException when the frame cannot be read
     */
    void frame(Path clip, long atMillis, Path png);

    /**
     * @param problem why the clip is unusable (cannot be opened, decode errors, no video stream); null when it is fine
     */
    record Inspection(boolean usable, long durationMillis, boolean hasAudio, String problem) {
        public static Inspection bad(String problem) {
            return new Inspection(false, 0, false, problem);
        }
    }
}

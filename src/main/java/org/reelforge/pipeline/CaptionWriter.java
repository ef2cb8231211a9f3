package org.reelforge.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.video.TimedWord;

/** Turns timed words into caption files: styled ASS for burning in, and SRT for players. */
public interface CaptionWriter {
    /** Writes both files (each via a temporary name); word times are milliseconds into the video. */
    void write(List<TimedWord> words, long videoMillis, Path ass, Path srt);
}

package org.reelforge.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/** Turns timed words into caption files: styled ASS for burning in, and SRT for players. */
public interface CaptionWriter {
    /** Writes both files (each via a temporary name); word times are milliseconds into the video. */
    void write(List<TimedWord> words, Captioning how, long videoMillis, Path ass, Path srt);

    /**
     * How the captions of one video look.
     *
     * @param emphasis words the script stresses, drawn in the highlight colour
     */
    record Captioning(CaptionOptions options, Aspect aspect, Language language, List<String> emphasis) {
        public Captioning {
            emphasis = List.copyOf(emphasis);
        }
    }
}

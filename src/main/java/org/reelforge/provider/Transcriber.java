package org.reelforge.provider;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Finds when each word is spoken in an audio file (for captions). Thread-safe; blocks while working.
 * Recognisers (Whisper) transcribe and may use the expected text only as a hint; aligners place the
 * expected text on the audio, segment by segment.
 */
public interface Transcriber {
    String name();

    /** What transcribing {@code millis} of audio is expected to bill, for estimates. */
    default ProviderCall quote(long millis) {
        return new ProviderCall(name(), "transcription", millis / 60_000.0, "minute");
    }

    /**
     * @param audio    WAV (16-bit PCM, any rate) or any file ffmpeg reads
     * @param expected what is known to be said, with the time window of each segment (one per block)
     * @return words in order, times in milliseconds from the start of {@code audio}
     */
    Transcript transcribe(Path audio, Language language, List<Segment> expected);

    /** Text known to be spoken between {@code startMillis} and {@code endMillis}. */
    record Segment(String text, long startMillis, long endMillis) {
    }

    record Transcript(List<TimedWord> words, ProviderCall call) {
        public Transcript {
            words = List.copyOf(words);
        }
    }
}

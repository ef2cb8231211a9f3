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

    /**
     * @param segments how well what was heard matches each expected segment, in the order given; empty when the
     *                 transcriber does not tell (aligners of the known text)
     */
    record Transcript(List<TimedWord> words, ProviderCall call, List<SegmentMatch> segments) {
        public Transcript {
            words = List.copyOf(words);
            segments = List.copyOf(segments);
        }

        public Transcript(List<TimedWord> words, ProviderCall call) {
            this(words, call, List.of());
        }
    }

    /**
     * How what was heard in one expected segment compares with its text.
     *
     * @param segment    0-based position of the segment in {@code expected}
     * @param confidence 0 (nothing matches) to 1 (word for word)
     * @param heard      the words heard in the segment's window, as text
     */
    record SegmentMatch(int segment, double confidence, String heard) {
    }
}

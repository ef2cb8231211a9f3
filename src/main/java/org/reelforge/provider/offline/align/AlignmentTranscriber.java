package org.reelforge.provider.offline.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.audio.FfmpegDecoder;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * The offline transcriber: forced alignment of the known text, segment by segment, in the manner of the
 * aeneas aligner (espeak-ng reference speech, MFCC features, dynamic time warping). It does not recognise
 * anything: it returns exactly the words of the expected text (see {@link EspeakSpeechSynthesizer} for what a
 * word is), in order, each placed inside its segment's window and the audio's duration, with starts that
 * never go back. A segment whose window holds silence or only noise still gets words, spread over the
 * window in a speaking rhythm.
 *
 * <p>Thread-safe; blocks while working (measured 40–80× real time on 2 shared cores, plus decoding).
 * Reads 16-bit PCM WAV directly and anything else through {@code ffmpeg}. Fails with a
 * {@link org.reelforge.provider.ProviderException} of kind PERMANENT when the audio cannot be read or
 * espeak-ng is missing.
 */
public final class AlignmentTranscriber implements Transcriber {
    static final String PROVIDER = "aligner";

    private final EspeakSpeechSynthesizer reference;

    public AlignmentTranscriber() {
        this(new EspeakSpeechSynthesizer());
    }

    /** @param reference the voice that speaks the expected text for comparison */
    public AlignmentTranscriber(EspeakSpeechSynthesizer reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
        MonoAudio sound = FfmpegDecoder.read(audio, PROVIDER);
        SegmentAligner aligner = new SegmentAligner(reference, sound);
        List<TimedWord> words = new ArrayList<>();
        for (Segment segment : expected) {
            for (TimedWord word : aligner.align(segment, language)) {
                long floor = words.isEmpty() ? 0 : words.get(words.size() - 1).startMillis();
                words.add(word.startMillis() >= floor ? word
                        : new TimedWord(word.text(), floor, Math.max(floor, word.endMillis())));
            }
        }
        return new Transcript(words, new ProviderCall(PROVIDER, "transcription", sound.durationMillis() / 1000.0, "second"));
    }
}

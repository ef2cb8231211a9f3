package org.reelforge.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpokenMatch;
import org.reelforge.provider.Transcriber;

/**
 * Captions that say what was said: a recogniser (Gemini) hears the words of each segment, then the offline aligner
 * places those heard words on the audio for precise times. Each segment's confidence compares what was heard with the
 * script's line, so a block whose speech differs from its script shows in the status. Composed here because adapters
 * do not use each other. Thread-safe if both parts are.
 */
final class HeardSpeechTranscriber implements Transcriber {
    private final Transcriber recogniser;
    private final Transcriber aligner;

    HeardSpeechTranscriber(Transcriber recogniser, Transcriber aligner) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
        this.aligner = Objects.requireNonNull(aligner, "aligner");
    }

    @Override
    public String name() {
        return recogniser.name();
    }

    @Override
    public ProviderCall quote(long millis) {
        return recogniser.quote(millis);
    }

    @Override
    public Transcript transcribe(Path audio, org.reelforge.video.Language language, List<Segment> expected) {
        Transcript heard = recogniser.transcribe(audio, language, expected);
        List<Segment> said = new ArrayList<>();
        List<SegmentMatch> matches = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String text = i < heard.segments().size() ? heard.segments().get(i).heard() : "";
            Segment window = expected.get(i);
            if (!text.isBlank()) {
                said.add(new Segment(text, window.startMillis(), window.endMillis()));
            }
            matches.add(new SegmentMatch(i, SpokenMatch.confidence(window.text(), text), text));
        }
        List<org.reelforge.video.TimedWord> words = said.isEmpty() ? List.of() : aligner.transcribe(audio, language, said).words();
        return new Transcript(words, heard.call(), matches);
    }
}

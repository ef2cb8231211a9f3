package org.reelforge.provider.offline.clips;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.reelforge.media.Ffmpeg;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/** A test speech synthesizer: a tone as long as the words, {@code wordMillis} each at rate 1, even timings. */
public final class ToneSpeech implements SpeechSynthesizer {
    private final long wordMillis;
    private final AtomicInteger calls = new AtomicInteger();

    public ToneSpeech(long wordMillis) {
        this.wordMillis = wordMillis;
    }

    @Override
    public String name() {
        return "tone";
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Speech synthesize(String text, Language language, double rate, Path target) {
        calls.incrementAndGet();
        String[] tokens = text.strip().split("\\s+");
        long each = Math.round(wordMillis / rate);
        List<TimedWord> words = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            words.add(new TimedWord(tokens[i], i * each, i * each + each - 20));
        }
        long duration = tokens.length * each;
        Ffmpeg.onPath().ffmpeg("synthesize a test tone", null, List.of("-f", "lavfi", "-i",
                String.format(Locale.ROOT, "sine=f=220:r=22050:d=%.3f", duration / 1000.0), "-ac", "1", "-c:a", "pcm_s16le",
                "-f", "wav", Ffmpeg.fileArg(target)));
        return new Speech(target, duration, words, new ProviderCall("tone", "voice", text.length(), "character"));
    }
}

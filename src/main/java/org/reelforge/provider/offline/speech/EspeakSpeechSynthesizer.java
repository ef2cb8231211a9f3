package org.reelforge.provider.offline.speech;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.video.Language;
import org.reelforge.video.Text;
import org.reelforge.video.TimedWord;

/**
 * The offline voice: espeak-ng through its library ({@code libespeak-ng.so.1}, Debian package {@code espeak-ng}),
 * with word start times from espeak's own word events. Writes 16-bit mono WAV at espeak's rate (22050 Hz).
 *
 * <p>Thread-safe: espeak-ng is a process-wide singleton, so calls from all instances run one at a time
 * (synthesis runs at a few hundred times real time). The library is loaded on the first call; if it is
 * missing the call fails with a {@link ProviderException.Kind#PERMANENT} error that names the package.
 * Text is spoken as plain text, never SSML: markup, quotes and emoji in user text are read, not obeyed.
 * Words are runs of non-space characters holding a letter or digit (see {@code SpokenWords}).
 */
public final class EspeakSpeechSynthesizer implements SpeechSynthesizer {
    /** espeak-ng's default speed, used at {@code rate} 1.0. */
    public static final int DEFAULT_WORDS_PER_MINUTE = 175;
    private static final int MIN_WORDS_PER_MINUTE = 80;
    private static final int MAX_WORDS_PER_MINUTE = 450;

    private static final String SAMPLE_TEXT = "1, 2, 3, 4, 5.";
    private static volatile EspeakVoices installed;

    private final String variant;

    /** The language's default espeak voice ({@code fr}, {@code en}). */
    public EspeakSpeechSynthesizer() {
        this("");
    }

    /**
     * @param variant an espeak-ng voice variant such as {@code f3}, {@code m2} or {@code klatt}, appended to the
     *                language's voice ({@code fr+f3}); empty for the default
     */
    public EspeakSpeechSynthesizer(String variant) {
        this.variant = Objects.requireNonNull(variant, "variant").strip();
    }

    @Override
    public String name() {
        return Espeak.PROVIDER;
    }

    @Override
    public Speech synthesize(String text, Language language, double rate, Path target) {
        return synthesize(text, language, rate, null, target);
    }

    /** @param voice an espeak-ng voice such as {@code de}, {@code gmw/de} or {@code fr+f3}; null: the language's own */
    @Override
    public Speech synthesize(String text, Language language, double rate, String voice, Path target) {
        Spoken spoken = speak(text, voice == null ? voice(language) : installed().checked(voice), rate);
        MonoAudio.of(spoken.utterance().samples(), spoken.utterance().sampleRate()).writeWav(target);
        return new Speech(target, spoken.utterance().durationMillis(), spoken.words(),
                new ProviderCall(Espeak.PROVIDER, "voice", Text.length(text), "character"));
    }

    /** Speaks into memory: the samples, espeak's events and the words placed on them. */
    public Spoken speak(String text, Language language, double rate) {
        return speak(text, voice(language), rate);
    }

    private Spoken speak(String text, String voice, double rate) {
        Objects.requireNonNull(text, "text");
        Espeak.Utterance utterance = Espeak.shared().speak(text, voice, wordsPerMinute(rate));
        return new Spoken(utterance, EspeakWordTimes.of(SpokenWords.of(text), utterance));
    }

    /** Every installed espeak-ng voice (about 130 with Debian's espeak-ng-data), sorted by id. */
    public List<EspeakVoice> voices() {
        return installed().all();
    }

    /** The variants offered beside each language's voice (espeak-ng's own, in its data's {@code voices/!v}). */
    private static final List<String[]> VARIANTS = List.of(new String[] {"f3", "female"}, new String[] {"m3", "male"},
            new String[] {"f5", "female, softer"}, new String[] {"m7", "male, deeper"}, new String[] {"whisper", "whisper"});

    /** The language's voice (the default) and its variants. */
    @Override
    public List<Voice> voices(Language language) {
        String base;
        try {
            base = installed().forLanguage(language);
        } catch (ProviderException e) {
            return List.of();
        }
        List<Voice> out = new java.util.ArrayList<>();
        out.add(new Voice(base, base + " (default)", language.tag()));
        for (String[] v : VARIANTS) {
            out.add(new Voice(base + "+" + v[0], base + " (" + v[1] + ")", language.tag()));
        }
        return out;
    }

    /**
     * A short sample of {@code voice} for a voice picker: the digits one to five, which espeak-ng reads in the
     * voice's own language, written to {@code target} (WAV).
     */
    public Speech sample(String voice, double rate, Path target) {
        return synthesize(SAMPLE_TEXT, Language.EN, rate, voice, target);
    }

    private static EspeakVoices installed() {
        EspeakVoices voices = installed;
        if (voices == null) {
            voices = new EspeakVoices(Espeak.shared().voices());
            installed = voices;
        }
        return voices;
    }

    public record Spoken(Espeak.Utterance utterance, List<TimedWord> words) {
    }

    private String voice(Language language) {
        String voice = installed().forLanguage(language);
        return variant.isEmpty() ? voice : voice + "+" + variant;
    }

    static int wordsPerMinute(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw ProviderException.permanent(Espeak.PROVIDER, "rate must be a positive number, got " + rate);
        }
        long wpm = Math.round(DEFAULT_WORDS_PER_MINUTE * rate);
        return (int) Math.max(MIN_WORDS_PER_MINUTE, Math.min(MAX_WORDS_PER_MINUTE, wpm));
    }
}

package org.reelforge.provider.offline.speech;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.Language;

/**
 * Which espeak-ng voice speaks a language, and the check of a voice chosen by a user. A choice is
 * {@code <voice>[+<variant>]}: a voice identifier or language ({@code de}, {@code gmw/de}, {@code cmn}) and
 * optionally one of espeak's variants ({@code f3}, {@code m2}, {@code klatt}…), e.g. {@code fr+f3}.
 */
final class EspeakVoices {
    private static final Pattern CHOICE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*(/[a-z0-9]{2,3}(-[a-z0-9]{2,8})*)?"
            + "(\\+[a-z0-9_]{1,24})?", Pattern.CASE_INSENSITIVE);

    private final List<EspeakVoice> voices;

    EspeakVoices(List<EspeakVoice> voices) {
        this.voices = voices.stream().sorted(Comparator.comparing(EspeakVoice::id)).toList();
    }

    List<EspeakVoice> all() {
        return voices;
    }

    /**
     * The espeak voice for {@code language}: one that speaks the full tag ({@code pt-BR} → {@code roa/pt-BR}),
     * else its primary subtag ({@code zh} → {@code sit/cmn}).
     *
     * @throws ProviderException ({@code PERMANENT}) when espeak-ng has no voice for the language
     */
    String forLanguage(Language language) {
        Optional<EspeakVoice> voice = speaking(language.tag()).or(() -> speaking(language.code()));
        if (voice.isPresent()) {
            return voice.get().id();
        }
        throw ProviderException.permanent(Espeak.PROVIDER, "espeak-ng has no voice for language \"" + language.tag()
                + "\" (it has " + voices.size() + " voices; espeak-ng --voices lists them)");
    }

    /**
     * A user's voice choice, checked against the installed voices.
     *
     * @throws ProviderException ({@code PERMANENT}) naming the rule when the choice is malformed or unknown
     */
    String checked(String choice) {
        String trimmed = choice.strip();
        if (!CHOICE.matcher(trimmed).matches()) {
            throw ProviderException.permanent(Espeak.PROVIDER, "voice must be an espeak-ng voice such as de, gmw/de or"
                    + " fr+f3 (letters, digits, '-', '/', one '+variant'), got \"" + preview(trimmed) + "\"");
        }
        String[] parts = trimmed.split("\\+");
        EspeakVoice voice = find(parts[0]).orElseThrow(() -> ProviderException.permanent(Espeak.PROVIDER,
                "espeak-ng has no voice \"" + parts[0] + "\""));
        return parts.length > 1 ? voice.id() + "+" + parts[1] : voice.id();
    }

    /** The voice that lists {@code language} first, else any voice that lists it. */
    private Optional<EspeakVoice> speaking(String language) {
        return voices.stream().filter(v -> v.languages().get(0).equalsIgnoreCase(language)).findFirst()
                .or(() -> voices.stream().filter(v -> v.languages().stream().anyMatch(l -> l.equalsIgnoreCase(language)))
                        .findFirst());
    }

    private Optional<EspeakVoice> find(String voice) {
        return voices.stream().filter(v -> v.id().equalsIgnoreCase(voice) || v.languages().stream()
                .anyMatch(l -> l.equalsIgnoreCase(voice))).findFirst();
    }

    private static String preview(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }
}

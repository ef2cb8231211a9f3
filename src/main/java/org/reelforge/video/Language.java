package org.reelforge.video;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * A well-formed BCP-47 language tag whose primary subtag is a real ISO 639-1 or 639-2 code (fr, en-US, zh-Hant-TW,
 * pt-BR, yue). The primary subtag decides what we do; the rest (script, region) is kept for providers that care.
 * Which languages a provider can write or speak is the provider's business: the built-in writer knows fr and en,
 * an LLM and espeak-ng many more.
 */
public record Language(String tag) {
    /** What the built-in offline writer writes. */
    public static final Set<String> OFFLINE_WRITER = Set.of("fr", "en");
    public static final Language FR = new Language("fr");
    public static final Language EN = new Language("en");

    public Language {
        if (tag == null || tag.isBlank() || !wellFormed(tag.strip())) {
            throw new InvalidRequestException("language", "must be a BCP-47 language tag such as fr, en-US or zh-Hant (got \""
                    + (tag == null ? "" : Text.preview(tag)) + "\")");
        }
        tag = tag.strip();
        String primary = primary(tag);
        if (!Iso639.isCode(primary)) {
            throw new InvalidRequestException("language", "must start with an ISO 639 language code such as fr, en, es,"
                    + " de, ja, zh, ar or hi (got \"" + Text.preview(tag) + "\")");
        }
    }

    public static Language of(String tag) {
        return new Language(tag);
    }

    /**
     * A language to show ReelForge's own messages in (status texts, errors): French or English, the languages they
     * are written in.
     *
     * @throws InvalidRequestException ({@code language}) for any other tag
     */
    public static Language forMessages(String tag) {
        Language language = new Language(tag);
        if (!language.isWrittenOffline()) {
            throw new InvalidRequestException("language", "messages are in fr or en (got \"" + Text.preview(tag) + "\")");
        }
        return language;
    }

    /** The primary subtag, lower case: "fr" for fr-CA. */
    public String code() {
        return primary(tag);
    }

    public boolean isFrench() {
        return code().equals("fr");
    }

    /** Whether the built-in offline writer can write this language ({@link #OFFLINE_WRITER}). */
    public boolean isWrittenOffline() {
        return OFFLINE_WRITER.contains(code());
    }

    private static boolean wellFormed(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return !tag.startsWith("x-") && !tag.toLowerCase(Locale.ROOT).startsWith("i-");
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static String primary(String tag) {
        return tag.split("-")[0].toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return tag;
    }
}

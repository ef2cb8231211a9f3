package org.reelforge.provider.offline.script;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reelforge.video.Language;

/**
 * Rewrites a text so that a speech synthesizer reads it well in French or English: links and URLs
 * dropped, markdown and emoji removed, abbreviations and numbers spelled out ("12 %" → "douze pour cent",
 * "1st" → "first", "1789" → "seventeen eighty-nine"), line breaks, brackets and dashes turned into
 * pauses (commas and periods), whitespace normalised. Immutable and thread-safe.
 */
public final class SpeechText {
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@])(?:https?://|www\\.)\\S+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R|[\\u2028\\u2029\\u0085]");
    private static final Pattern LINE_MARKER = Pattern.compile("^(?:#{1,6}\\s*|>\\s*|[-*+•]\\s+)+");
    private static final Pattern INLINE_MARKUP = Pattern.compile("\\*+|~~|`+|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    private static final Pattern SNAKE_CASE = Pattern.compile("(?<=[\\p{L}\\p{N}])_+(?=[\\p{L}\\p{N}])");
    private static final Pattern HASHTAG_OR_HANDLE = Pattern.compile("[#@](?=\\p{L})");
    private static final Pattern EMOJI_AND_INVISIBLES = Pattern.compile(
            "[\\p{So}\\p{Sk}\\p{Co}\\p{Cs}\\p{Cn}\\p{Cf}\\x{FE0E}\\x{FE0F}\\x{20E3}]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern QUOTES = Pattern.compile("[\"«»“”„‟‹›]");
    private static final Pattern BRACKETS = Pattern.compile("[()\\[\\]{}]|\\s[-–—]+\\s|[–—]|\\s*\\|\\s*");
    private static final Pattern STRAY_SYMBOLS = Pattern.compile("[\\\\/<>^~=*#@_`]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");

    private final SpeechVocabulary vocabulary;
    private final Numerals numerals;

    private SpeechText(Language language) {
        this.vocabulary = SpeechVocabulary.of(language);
        this.numerals = new Numerals(language);
    }

    /** The rules for one language (its primary subtag decides: fr-CA reads as fr). */
    public static SpeechText forLanguage(Language language) {
        return new SpeechText(Objects.requireNonNull(language, "language"));
    }

    /**
     * The text as it should be spoken. Never null; empty when nothing speakable is left (a text of emoji
     * only, say). Text without digits, symbols or markup comes back with only its whitespace normalised.
     */
    public String rewrite(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String out = LINK.matcher(text).replaceAll(m -> quote(m.group(1)));
        out = URL.matcher(out).replaceAll(" ");
        out = joinLines(out);
        out = removeMarkup(out);
        out = expandAbbreviations(out);
        out = numerals.spell(out);
        out = removeSymbols(out);
        return Punctuation.tidy(out);
    }

    /** Each line becomes a sentence (or a list item a pause), so line breaks are heard. */
    private static String joinLines(String text) {
        return Arrays.stream(LINE_BREAK.split(text))
                .map(line -> LINE_MARKER.matcher(line.strip()).replaceFirst(""))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> Punctuation.endsSentence(line) ? line : line + ".")
                .collect(Collectors.joining(" "));
    }

    private static String removeMarkup(String text) {
        String out = SNAKE_CASE.matcher(text).replaceAll(" ");
        out = INLINE_MARKUP.matcher(out).replaceAll("");
        return HASHTAG_OR_HANDLE.matcher(out).replaceAll("");
    }

    private String expandAbbreviations(String text) {
        String out = text;
        for (SpeechVocabulary.Abbreviation abbreviation : vocabulary.abbreviations()) {
            out = abbreviation.pattern().matcher(out).replaceAll(quote(abbreviation.spoken()));
        }
        return out;
    }

    private static String removeSymbols(String text) {
        String out = CONTROL.matcher(text).replaceAll(" ");
        out = EMOJI_AND_INVISIBLES.matcher(out).replaceAll(" ");
        out = QUOTES.matcher(out).replaceAll(" ");
        out = BRACKETS.matcher(out).replaceAll(", ");
        out = STRAY_SYMBOLS.matcher(out).replaceAll(" ");
        return SPACES.matcher(out).replaceAll(" ");
    }

    private static String quote(String replacement) {
        return Matcher.quoteReplacement(replacement);
    }
}

package org.reelforge.provider.offline.script;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reelforge.video.Language;

/**
 * Spells out every number in a text for a speech synthesizer, with what surrounds it: ranges, clock
 * times, ordinals (1er, 2e, XIXe, 1st), decades, amounts of money, percentages, temperatures, units.
 * The most specific forms are rewritten first; plain numbers last.
 */
final class Numerals {
    private static final String SPACE = "[ \\u00A0\\u202F]";
    /** Not followed by a letter, digit or apostrophe: "2024 l'entreprise" has no litres. */
    private static final String END = "(?![\\p{L}\\p{N}'’])";
    private static final String START = "(?<![\\p{L}\\p{N}])";
    private static final String SIGN = "(?:(?<![^\\s(])[-−])?";
    private static final String FRENCH_NUMBER = "(?<![\\d,.])(?:\\d{1,3}(?:" + SPACE + "\\d{3})+(?:,\\d+)?"
            + "|\\d{1,3}(?:\\.\\d{3}){2,}(?:,\\d+)?|\\d+(?:[,.]\\d+)?)(?!\\d)";
    private static final String ENGLISH_NUMBER = "(?<![\\d,.])(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?"
            + "|\\d{1,3}(?:" + SPACE + "\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?!\\d)";
    private static final String[] FRENCH_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"};
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final SpeechVocabulary vocabulary;
    private final NumberReader reader;
    private final List<Rule> rules;

    private record Rule(Pattern pattern, Function<MatchResult, String> spoken) {
    }

    Numerals(Language language) {
        this.vocabulary = SpeechVocabulary.of(language);
        this.reader = new NumberReader(language);
        String number = "(" + SIGN + (vocabulary.french() ? FRENCH_NUMBER : ENGLISH_NUMBER) + ")";
        this.rules = vocabulary.french() ? frenchRules(number) : englishRules(number);
    }

    /** The text with every number spelled out; text without digits comes back unchanged. */
    String spell(String text) {
        String out = text;
        for (Rule rule : rules) {
            out = apply(rule, out);
        }
        return out;
    }

    private static String apply(Rule rule, String text) {
        Matcher matcher = rule.pattern().matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(padded(text, match, rule.spoken().apply(match))));
    }

    /** Keeps words apart when a number was glued to letters ("mp3" → "mp three"). */
    private static String padded(String text, MatchResult match, String words) {
        boolean before = match.start() > 0 && Character.isLetterOrDigit(text.charAt(match.start() - 1));
        boolean after = match.end() < text.length() && Character.isLetterOrDigit(text.charAt(match.end()));
        return (before ? " " : "") + words + (after ? " " : "");
    }

    private List<Rule> commonRules(String number) {
        return List.of(
                rule("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)", m -> date(m.group(3), m.group(2), m.group(1))),
                rule("(?<=\\d)" + SPACE + "?[–—]" + SPACE + "?(?=\\d)|(?<=\\d)-(?=\\d)", m -> " " + vocabulary.rangeWord() + " "),
                rule("(?<![\\d:])(\\d{1,2}):(\\d{2})(?![\\d:])", this::clock),
                rule("([$€£])" + SPACE + "?" + number + "(?:" + SPACE + "?(k|K|M|Md|B|bn|thousand|millions?|milliards?|billions?)" + END + ")?",
                        m -> money(m.group(2), m.group(3), m.group(1))),
                rule(number + SPACE + "?(k|K|M|Md|B|bn|millions?|milliards?|billions?)?" + SPACE + "?([€$£])",
                        m -> money(m.group(1), m.group(2), m.group(3))),
                rule(number + SPACE + "?%", m -> reader.cardinal(reader.parse(m.group(1)), null) + " " + vocabulary.percent()),
                rule(number + SPACE + "?°" + SPACE + "?([CF])(?!\\p{L})", this::temperature),
                rule(number + SPACE + "?°", m -> measure(m.group(1), degrees())),
                rule(number + SPACE + "?(" + unitAlternatives() + ")" + END,
                        m -> measure(m.group(1), vocabulary.units().get(m.group(2)))),
                rule("#(?=\\d)", m -> vocabulary.numberWord() + " "),
                rule("(?<![\\d/])" + number + SPACE + "?/" + SPACE + "?" + number + "(?![\\d/])",
                        m -> plain(m.group(1), null) + " " + vocabulary.outOf() + " " + plain(m.group(2), null)),
                rule("(?<=\\d)" + SPACE + "?\\+" + SPACE + "?(?=\\d)|(?<![^\\s(])\\+(?=\\d)", m -> " plus "),
                rule(number + "(?=" + SPACE + "*(\\p{L}*))", m -> plain(m.group(1), m.group(2))));
    }

    private List<Rule> frenchRules(String number) {
        List<Rule> specific = List.of(
                rule("(?<!\\d)(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)", m -> date(m.group(1), m.group(2), m.group(3))),
                rule("(?<!\\d)(\\d{1,2})" + SPACE + "?h" + SPACE + "?(\\d{2})?" + END, this::frenchHours),
                rule(START + "(\\d+)(ères?|eres?|ers?|res?|ndes?|nds?|èmes?|emes?|es?)" + END, this::frenchOrdinal),
                rule(START + "([IVXLC]{1,7})(er|e|ème)(?=" + SPACE + "+(?:siècles?|millénaires?|arrondissement|"
                        + "République|Empire|dynastie))", this::romanOrdinal));
        return concat(specific, commonRules(number));
    }

    private List<Rule> englishRules(String number) {
        List<Rule> specific = List.of(
                rule(START + "(\\d+)(st|nd|rd|th)" + END, m -> reader.words().ordinal(Long.parseLong(m.group(1)))),
                rule(START + "(\\d{2}|\\d{4})'?s" + END, this::decade));
        return concat(specific, commonRules(number));
    }

    private static List<Rule> concat(List<Rule> first, List<Rule> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Rule rule(String regex, Function<MatchResult, String> spoken) {
        return new Rule(Pattern.compile(regex), spoken);
    }

    private String unitAlternatives() {
        return vocabulary.units().keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    private String plain(String raw, String nextWord) {
        return reader.standalone(reader.parse(raw), nextWord);
    }

    private String measure(String raw, SpeechVocabulary.Noun noun) {
        return measure(reader.parse(raw), noun);
    }

    private SpeechVocabulary.Noun degrees() {
        return vocabulary.french() ? new SpeechVocabulary.Noun("degré", "degrés") : new SpeechVocabulary.Noun("degree", "degrees");
    }

    private String temperature(MatchResult m) {
        String scale = m.group(2).equals("C") ? "Celsius" : "Fahrenheit";
        return measure(m.group(1), degrees()) + " " + scale;
    }

    private String money(String raw, String multiplier, String symbol) {
        NumberReader.Numeral numeral = reader.parse(raw);
        SpeechVocabulary.Noun currency = vocabulary.currencies().get(symbol);
        if (multiplier != null) {
            return scaledMoney(numeral, multiplier, currency);
        }
        boolean cents = !numeral.isInteger() && numeral.fractionDigits().length() == 2 && numeral.fitsLong();
        if (!cents) {
            return measure(raw, currency);
        }
        NumberReader.Numeral whole = new NumberReader.Numeral(numeral.negative(), numeral.integerDigits(), null, false);
        String head = measure(whole, currency);
        long hundredths = Long.parseLong(numeral.fractionDigits());
        if (hundredths == 0) {
            return head;
        }
        String small = reader.words().cardinal(hundredths);
        return vocabulary.french() ? head + " " + small : head + " and " + small + " " + centName(symbol, hundredths);
    }

    private String measure(NumberReader.Numeral numeral, SpeechVocabulary.Noun noun) {
        String word = noun.forCount(vocabulary.isPlural(numeral.value()));
        return reader.cardinal(numeral, word) + " " + word;
    }

    private static String centName(String symbol, long hundredths) {
        if (symbol.equals("£")) {
            return "pence";
        }
        return hundredths == 1 ? "cent" : "cents";
    }

    /** "5 M€" → "cinq millions d'euros", "$2bn" → "two billion dollars". */
    private String scaledMoney(NumberReader.Numeral numeral, String multiplier, SpeechVocabulary.Noun currency) {
        String amount = reader.cardinal(numeral, null);
        boolean plural = vocabulary.isPlural(numeral.value());
        String scale = scaleWord(multiplier.toLowerCase(Locale.ROOT), plural);
        if (!vocabulary.french()) {
            return amount + " " + scale + " " + currency.plural();
        }
        return scale.equals("mille") ? amount + " mille " + currency.plural() : amount + " " + scale + " d'" + currency.plural();
    }

    private String scaleWord(String multiplier, boolean plural) {
        String french = switch (multiplier) {
            case "k", "thousand" -> "mille";
            case "md", "b", "bn", "milliard", "milliards", "billion", "billions" -> plural ? "milliards" : "milliard";
            default -> plural ? "millions" : "million";
        };
        if (vocabulary.french()) {
            return french;
        }
        return switch (french) {
            case "mille" -> "thousand";
            case "milliard", "milliards" -> "billion";
            default -> "million";
        };
    }

    private String clock(MatchResult m) {
        return clock(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private String clock(long hours, long minutes) {
        NumberWords words = reader.words();
        if (vocabulary.french()) {
            String head = (hours == 1 ? "une" : words.cardinal(hours)) + (hours > 1 ? " heures" : " heure");
            return minutes == 0 ? head : head + " " + words.cardinal(minutes);
        }
        if (minutes == 0) {
            return words.cardinal(hours) + " o'clock";
        }
        return words.cardinal(hours) + " " + (minutes < 10 ? "oh " : "") + words.cardinal(minutes);
    }

    private String frenchHours(MatchResult m) {
        return clock(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }

    /** A calendar date read naturally: "14 juillet 1789", "July fourteenth, seventeen eighty-nine". */
    private String date(String dayDigits, String monthDigits, String yearDigits) {
        int day = Integer.parseInt(dayDigits);
        int month = Integer.parseInt(monthDigits);
        int year = Integer.parseInt(yearDigits);
        NumberWords words = reader.words();
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return words.cardinal(day) + " " + words.cardinal(month) + " " + words.year(year);
        }
        if (vocabulary.french()) {
            return (day == 1 ? "premier" : words.cardinal(day)) + " " + FRENCH_MONTHS[month - 1] + " " + words.year(year);
        }
        return ENGLISH_MONTHS[month - 1] + " " + words.ordinal(day) + ", " + words.year(year);
    }

    private String frenchOrdinal(MatchResult m) {
        long n = Long.parseLong(m.group(1));
        String suffix = m.group(2);
        String plural = suffix.endsWith("s") ? "s" : "";
        if (suffix.startsWith("nd")) {
            return (suffix.startsWith("nde") ? "seconde" : "second") + plural;
        }
        if (n == 1) {
            boolean feminine = suffix.startsWith("r") || suffix.startsWith("è") || suffix.startsWith("ere");
            return (feminine ? "première" : "premier") + plural;
        }
        return reader.words().ordinal(n) + plural;
    }

    private String romanOrdinal(MatchResult m) {
        int value = romanValue(m.group(1));
        if (value <= 0) {
            return m.group();
        }
        return value == 1 ? "premier" : reader.words().ordinal(value);
    }

    private static int romanValue(String roman) {
        String symbols = "IVXLC";
        int[] values = {1, 5, 10, 50, 100};
        int total = 0;
        for (int i = 0; i < roman.length(); i++) {
            int value = values[symbols.indexOf(roman.charAt(i))];
            boolean subtract = i + 1 < roman.length() && values[symbols.indexOf(roman.charAt(i + 1))] > value;
            total += subtract ? -value : value;
        }
        return total;
    }

    /** "1980s" → "nineteen eighties", "80s" → "eighties". */
    private String decade(MatchResult m) {
        String digits = m.group(1);
        String words = digits.length() == 2 ? reader.words().cardinal(Long.parseLong(digits))
                : reader.words().year(Integer.parseInt(digits));
        return words.endsWith("y") ? words.substring(0, words.length() - 1) + "ies" : words + "s";
    }
}

package org.reelforge.provider.offline.script;

import java.util.Locale;
import org.reelforge.video.Language;

/**
 * Reads one written numeral ("1 000", "3,5", "-12", "1,000.25") as words in one language. Knows the
 * language's separators: in French a comma is the decimal mark and spaces group thousands; in English
 * commas group thousands and the point is the decimal mark.
 */
final class NumberReader {
    /** Longer integers are read digit by digit (phone numbers, codes). */
    private static final int MAX_INTEGER_DIGITS = 15;

    private final NumberWords words;
    private final SpeechVocabulary vocabulary;

    NumberReader(Language language) {
        this.words = NumberWords.of(language);
        this.vocabulary = SpeechVocabulary.of(language);
    }

    NumberWords words() {
        return words;
    }

    /** A written numeral split into its parts. */
    record Numeral(boolean negative, String integerDigits, String fractionDigits, boolean grouped) {
        boolean isInteger() {
            return fractionDigits == null;
        }

        double value() {
            String text = integerDigits + (isInteger() ? "" : "." + fractionDigits);
            double value = Double.parseDouble(text);
            return negative ? -value : value;
        }

        boolean fitsLong() {
            return integerDigits.length() <= MAX_INTEGER_DIGITS;
        }
    }

    Numeral parse(String raw) {
        String text = raw.strip();
        boolean negative = text.startsWith("-") || text.startsWith("−");
        String digits = text.replaceAll("[^0-9.,]", "");
        String decimalMark = decimalMark(digits);
        String integer = decimalMark == null ? digits : digits.substring(0, digits.lastIndexOf(decimalMark));
        String fraction = decimalMark == null ? null : digits.substring(digits.lastIndexOf(decimalMark) + 1);
        boolean grouped = integer.matches(".*[.,].*") || text.matches(".*\\d[\\s\\u00A0\\u202F]\\d.*");
        integer = integer.replaceAll("[.,]", "");
        return new Numeral(negative, integer.isEmpty() ? "0" : integer, fraction, grouped);
    }

    private String decimalMark(String digits) {
        if (vocabulary.french()) {
            if (digits.contains(",")) {
                return ",";
            }
            return digits.indexOf('.') >= 0 && digits.indexOf('.') == digits.lastIndexOf('.') ? "." : null;
        }
        return digits.contains(".") ? "." : null;
    }

    /** The numeral as counted, agreeing with the noun that follows (French "une heure"). */
    String cardinal(Numeral numeral, String nextWord) {
        if (!numeral.fitsLong()) {
            return (numeral.negative() ? words.minus() + " " : "") + words.digits(numeral.integerDigits());
        }
        long integer = Long.parseLong(numeral.integerDigits());
        String spoken = numeral.isInteger() ? words.cardinal(integer) : words.decimal(numeral.integerDigits(), numeral.fractionDigits());
        if (numeral.negative()) {
            spoken = words.minus() + " " + spoken;
        }
        return numeral.isInteger() && isFeminine(nextWord) && spoken.endsWith("un") ? spoken + "e" : spoken;
    }

    /** A bare numeral in running text: English reads four-digit numbers such as 1789 or 2024 as years. */
    String standalone(Numeral numeral, String nextWord) {
        boolean yearLike = numeral.isInteger() && !numeral.negative() && !numeral.grouped()
                && numeral.integerDigits().length() == 4
                && !numeral.integerDigits().startsWith("0");
        if (yearLike && !vocabulary.french()) {
            return words.year(Integer.parseInt(numeral.integerDigits()));
        }
        return cardinal(numeral, nextWord);
    }

    private boolean isFeminine(String nextWord) {
        return nextWord != null && !nextWord.isBlank()
                && vocabulary.feminineNouns().contains(nextWord.strip().split(" ")[0].toLowerCase(Locale.ROOT));
    }
}

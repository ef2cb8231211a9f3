package org.reelforge.provider.offline.script;

import org.reelforge.video.Language;

/** Numbers written out in words, the way a speech synthesizer should read them in one language. */
interface NumberWords {
    /** The number as counted: 21 → "vingt et un" / "twenty-one". Negative numbers start with minus. */
    String cardinal(long n);

    /** The rank: 2 → "deuxième" / "second". {@code n} is 1 or more. */
    String ordinal(long n);

    /** A decimal number from its digits: ("3", "5") → "trois virgule cinq" / "three point five". */
    String decimal(String integerDigits, String fractionDigits);

    /** A bare four-digit number as a year is read: 1789 → "seventeen eighty-nine" in English. */
    String year(int year);

    /** The word for the minus sign. */
    String minus();

    /** A string of digits read one by one (phone numbers, very long numbers). */
    default String digits(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().filter(Character::isDigit).forEach(c -> {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(cardinal(c - '0'));
        });
        return out.toString();
    }

    static NumberWords of(Language language) {
        return language.isFrench() ? new FrenchNumberWords() : new EnglishNumberWords();
    }
}

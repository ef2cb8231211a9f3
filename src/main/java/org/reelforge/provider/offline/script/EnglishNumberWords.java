package org.reelforge.provider.offline.script;

/** English numbers, American style ("one hundred one", no "and"), years read in pairs. */
final class EnglishNumberWords implements NumberWords {
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final long[] SCALES = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_NAMES = {"billion", "million", "thousand"};

    @Override
    public String minus() {
        return "minus";
    }

    @Override
    public String cardinal(long n) {
        if (n < 0) {
            return "minus " + cardinal(-n);
        }
        if (n == 0) {
            return ONES[0];
        }
        StringBuilder out = new StringBuilder();
        long rest = n;
        for (int i = 0; i < SCALES.length; i++) {
            long count = rest / SCALES[i];
            if (count > 0) {
                append(out, (count < 1000 ? below1000((int) count) : cardinal(count)) + " " + SCALE_NAMES[i]);
                rest %= SCALES[i];
            }
        }
        if (rest > 0) {
            append(out, below1000((int) rest));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String words) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(words);
    }

    private static String below1000(int n) {
        if (n < 100) {
            return below100(n);
        }
        String head = ONES[n / 100] + " hundred";
        return n % 100 == 0 ? head : head + " " + below100(n % 100);
    }

    private static String below100(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + "-" + ONES[n % 10];
    }

    @Override
    public String ordinal(long n) {
        String words = cardinal(n);
        int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
        return words.substring(0, cut) + ordinalOf(words.substring(cut));
    }

    private static String ordinalOf(String word) {
        return switch (word) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> word.endsWith("y") ? word.substring(0, word.length() - 1) + "ieth" : word + "th";
        };
    }

    /** English reads decimals digit by digit: 3.14 → "three point one four". */
    @Override
    public String decimal(String integerDigits, String fractionDigits) {
        return cardinal(Long.parseLong(integerDigits)) + " point " + digits(fractionDigits);
    }

    /** 1789 → "seventeen eighty-nine", 1900 → "nineteen hundred", 1905 → "nineteen oh five", 2005 → "two thousand five". */
    @Override
    public String year(int year) {
        if (year < 1100 || year > 2099 || (year >= 2000 && year < 2010)) {
            return cardinal(year);
        }
        int high = year / 100;
        int low = year % 100;
        if (low == 0) {
            return below100(high) + " hundred";
        }
        return below100(high) + " " + (low < 10 ? "oh " + ONES[low] : below100(low));
    }
}

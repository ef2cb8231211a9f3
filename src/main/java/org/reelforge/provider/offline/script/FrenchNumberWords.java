package org.reelforge.provider.offline.script;

/** French numbers in the traditional spelling (hyphens below one hundred, "et" in 21, 31 … 71). */
final class FrenchNumberWords implements NumberWords {
    private static final String[] UNITS = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
        "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
    private static final String[] TENS = {"", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"};
    private static final long BILLION = 1_000_000_000L;
    private static final long MILLION = 1_000_000L;

    @Override
    public String minus() {
        return "moins";
    }

    @Override
    public String cardinal(long n) {
        if (n < 0) {
            return "moins " + cardinal(-n);
        }
        if (n == 0) {
            return UNITS[0];
        }
        StringBuilder out = new StringBuilder();
        appendScale(out, n / BILLION, "milliard");
        appendScale(out, n / MILLION % 1000, "million");
        long thousands = n / 1000 % 1000;
        if (thousands > 0) {
            append(out, thousands == 1 ? "mille" : below1000((int) thousands, false) + " mille");
        }
        if (n % 1000 > 0) {
            append(out, below1000((int) (n % 1000), true));
        }
        return out.toString();
    }

    private void appendScale(StringBuilder out, long count, String noun) {
        if (count > 0) {
            String number = count < 1000 ? below1000((int) count, true) : cardinal(count);
            append(out, number + " " + noun + (count > 1 ? "s" : ""));
        }
    }

    private static void append(StringBuilder out, String words) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(words);
    }

    /** {@code last}: nothing follows but a noun, so "cents" and "quatre-vingts" keep their s. */
    private static String below1000(int n, boolean last) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds == 0) {
            return below100(rest, last);
        }
        String head = hundreds == 1 ? "cent" : UNITS[hundreds] + " cent";
        if (rest == 0) {
            return hundreds > 1 && last ? head + "s" : head;
        }
        return head + " " + below100(rest, last);
    }

    private static String below100(int n, boolean last) {
        if (n <= 16) {
            return UNITS[n];
        }
        if (n < 20) {
            return "dix-" + UNITS[n - 10];
        }
        if (n < 70) {
            return tens(n / 10, n % 10);
        }
        if (n < 80) {
            return n == 71 ? "soixante et onze" : "soixante-" + below100(n - 60, last);
        }
        if (n == 80) {
            return last ? "quatre-vingts" : "quatre-vingt";
        }
        return "quatre-vingt-" + below100(n - 80, last);
    }

    private static String tens(int tens, int units) {
        if (units == 0) {
            return TENS[tens];
        }
        return units == 1 ? TENS[tens] + " et un" : TENS[tens] + "-" + UNITS[units];
    }

    @Override
    public String ordinal(long n) {
        if (n == 1) {
            return "premier";
        }
        String words = cardinal(n);
        int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
        return words.substring(0, cut) + ordinalOf(words.substring(cut));
    }

    private static String ordinalOf(String word) {
        return switch (word) {
            case "cinq" -> "cinquième";
            case "neuf" -> "neuvième";
            case "cents", "vingts", "millions", "milliards" -> word.substring(0, word.length() - 1) + "ième";
            default -> word.endsWith("e") ? word.substring(0, word.length() - 1) + "ième" : word + "ième";
        };
    }

    @Override
    public String decimal(String integerDigits, String fractionDigits) {
        String head = cardinal(Long.parseLong(integerDigits));
        return head + " virgule " + fraction(fractionDigits);
    }

    /** French reads the decimals as a number ("trois virgule quatorze"), after any leading zeros. */
    private String fraction(String digits) {
        if (digits.length() > 3) {
            return digits(digits);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            out.append("zéro ");
            i++;
        }
        return out.append(cardinal(Long.parseLong(digits.substring(i)))).toString();
    }

    @Override
    public String year(int year) {
        return cardinal(year);
    }
}

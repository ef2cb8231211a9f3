package org.reelforge.provider.offline.script;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reelforge.video.Language;

/**
 * The words a speech rewrite needs in one language: unit and currency names, abbreviations, connectors.
 * Pure data; {@link Numerals} and {@link SpeechText} apply it.
 */
record SpeechVocabulary(
        boolean french,
        String percent,
        String rangeWord,
        String outOf,
        String numberWord,
        String and,
        Map<String, Noun> units,
        Map<String, Noun> currencies,
        Set<String> feminineNouns,
        List<Abbreviation> abbreviations) {

    /** A noun in its singular and plural forms. */
    record Noun(String singular, String plural) {
        String forCount(boolean plural) {
            return plural ? this.plural : singular;
        }
    }

    /** An abbreviation and what to say instead; the pattern already carries its word boundaries. */
    record Abbreviation(Pattern pattern, String spoken) {
        static Abbreviation of(String regex, String spoken) {
            return new Abbreviation(Pattern.compile(regex), spoken);
        }
    }

    static SpeechVocabulary of(Language language) {
        return language.isFrench() ? FRENCH : ENGLISH;
    }

    /** French agrees "un" with feminine nouns and makes nouns plural from 2 on; English from anything but 1. */
    boolean isPlural(double value) {
        return french ? Math.abs(value) >= 2 : value != 1;
    }

    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String START = "(?<![\\p{L}\\p{N}])";

    static final SpeechVocabulary FRENCH = new SpeechVocabulary(true, "pour cent", "à", "sur", "numéro", "et",
            Map.ofEntries(
                    Map.entry("km/h", new Noun("kilomètre par heure", "kilomètres par heure")),
                    Map.entry("km²", new Noun("kilomètre carré", "kilomètres carrés")),
                    Map.entry("m²", new Noun("mètre carré", "mètres carrés")),
                    Map.entry("km", new Noun("kilomètre", "kilomètres")),
                    Map.entry("cm", new Noun("centimètre", "centimètres")),
                    Map.entry("mm", new Noun("millimètre", "millimètres")),
                    Map.entry("m", new Noun("mètre", "mètres")),
                    Map.entry("kg", new Noun("kilogramme", "kilogrammes")),
                    Map.entry("g", new Noun("gramme", "grammes")),
                    Map.entry("t", new Noun("tonne", "tonnes")),
                    Map.entry("L", new Noun("litre", "litres")),
                    Map.entry("l", new Noun("litre", "litres")),
                    Map.entry("ml", new Noun("millilitre", "millilitres")),
                    Map.entry("min", new Noun("minute", "minutes")),
                    Map.entry("kWh", new Noun("kilowattheure", "kilowattheures")),
                    Map.entry("kW", new Noun("kilowatt", "kilowatts")),
                    Map.entry("MW", new Noun("mégawatt", "mégawatts")),
                    Map.entry("W", new Noun("watt", "watts")),
                    Map.entry("GHz", new Noun("gigahertz", "gigahertz")),
                    Map.entry("Hz", new Noun("hertz", "hertz")),
                    Map.entry("Go", new Noun("gigaoctet", "gigaoctets")),
                    Map.entry("Mo", new Noun("mégaoctet", "mégaoctets")),
                    Map.entry("To", new Noun("téraoctet", "téraoctets"))),
            Map.of("€", new Noun("euro", "euros"), "$", new Noun("dollar", "dollars"),
                    "£", new Noun("livre", "livres")),
            Set.of("heure", "heures", "minute", "minutes", "seconde", "secondes", "fois", "année", "années", "semaine",
                    "semaines", "personne", "personnes", "tonne", "tonnes", "livre", "livres", "idée", "idées",
                    "raison", "raisons", "étape", "étapes", "chose", "choses", "question", "questions", "femme",
                    "femmes", "vidéo", "vidéos", "page", "pages", "règle", "règles", "espèce", "espèces"),
            List.of(
                    Abbreviation.of(START + "etc\\.(?=\\s*(?:$|\\p{Lu}))", "et cetera."),
                    Abbreviation.of(START + "etc\\.", "et cetera"),
                    Abbreviation.of(START + "[pP]\\. ?ex\\.", "par exemple"),
                    Abbreviation.of(START + "c\\.-à-d\\.", "c'est-à-dire"),
                    Abbreviation.of(START + "e\\.g\\.", "par exemple"),
                    Abbreviation.of(START + "i\\.e\\.", "c'est-à-dire"),
                    Abbreviation.of(START + "av\\. J\\.-C\\.", "avant Jésus-Christ"),
                    Abbreviation.of(START + "apr\\. J\\.-C\\.", "après Jésus-Christ"),
                    Abbreviation.of(START + "J\\.-C\\.", "Jésus-Christ"),
                    Abbreviation.of(START + "MM\\.(?=\\s+\\p{Lu})", "messieurs"),
                    Abbreviation.of(START + "M\\.(?=\\s+\\p{Lu})", "monsieur"),
                    Abbreviation.of(START + "Mmes" + END, "mesdames"),
                    Abbreviation.of(START + "Mme" + END, "madame"),
                    Abbreviation.of(START + "Mlle" + END, "mademoiselle"),
                    Abbreviation.of(START + "Drs?\\.?(?=\\s+\\p{Lu})", "docteur"),
                    Abbreviation.of(START + "Pr\\.?(?=\\s+\\p{Lu})", "professeur"),
                    Abbreviation.of(START + "env\\.", "environ"),
                    Abbreviation.of(START + "cf\\.", "voir"),
                    Abbreviation.of(START + "[nN][°º]", "numéro"),
                    Abbreviation.of(START + "vs\\.?" + END, "contre"),
                    Abbreviation.of("\\s?&\\s?", " et ")));

    static final SpeechVocabulary ENGLISH = new SpeechVocabulary(false, "percent", "to", "out of", "number", "and",
            Map.ofEntries(
                    Map.entry("km/h", new Noun("kilometer per hour", "kilometers per hour")),
                    Map.entry("km²", new Noun("square kilometer", "square kilometers")),
                    Map.entry("m²", new Noun("square meter", "square meters")),
                    Map.entry("km", new Noun("kilometer", "kilometers")),
                    Map.entry("cm", new Noun("centimeter", "centimeters")),
                    Map.entry("mm", new Noun("millimeter", "millimeters")),
                    Map.entry("m", new Noun("meter", "meters")),
                    Map.entry("kg", new Noun("kilogram", "kilograms")),
                    Map.entry("g", new Noun("gram", "grams")),
                    Map.entry("lb", new Noun("pound", "pounds")),
                    Map.entry("lbs", new Noun("pound", "pounds")),
                    Map.entry("mph", new Noun("mile per hour", "miles per hour")),
                    Map.entry("mi", new Noun("mile", "miles")),
                    Map.entry("ft", new Noun("foot", "feet")),
                    Map.entry("L", new Noun("liter", "liters")),
                    Map.entry("ml", new Noun("milliliter", "milliliters")),
                    Map.entry("min", new Noun("minute", "minutes")),
                    Map.entry("kWh", new Noun("kilowatt-hour", "kilowatt-hours")),
                    Map.entry("kW", new Noun("kilowatt", "kilowatts")),
                    Map.entry("MW", new Noun("megawatt", "megawatts")),
                    Map.entry("W", new Noun("watt", "watts")),
                    Map.entry("GHz", new Noun("gigahertz", "gigahertz")),
                    Map.entry("Hz", new Noun("hertz", "hertz")),
                    Map.entry("GB", new Noun("gigabyte", "gigabytes")),
                    Map.entry("MB", new Noun("megabyte", "megabytes")),
                    Map.entry("TB", new Noun("terabyte", "terabytes"))),
            Map.of("€", new Noun("euro", "euros"), "$", new Noun("dollar", "dollars"),
                    "£", new Noun("pound", "pounds")),
            Set.of(),
            List.of(
                    Abbreviation.of(START + "etc\\.(?=\\s*(?:$|\\p{Lu}))", "et cetera."),
                    Abbreviation.of(START + "etc\\.", "et cetera"),
                    Abbreviation.of(START + "e\\.g\\.", "for example"),
                    Abbreviation.of(START + "i\\.e\\.", "that is"),
                    Abbreviation.of(START + "a\\.k\\.a\\.", "also known as"),
                    Abbreviation.of(START + "Mr\\.?(?=\\s+\\p{Lu})", "Mister"),
                    Abbreviation.of(START + "Mrs\\.?(?=\\s+\\p{Lu})", "Missus"),
                    Abbreviation.of(START + "Ms\\.?(?=\\s+\\p{Lu})", "Miz"),
                    Abbreviation.of(START + "Dr\\.?(?=\\s+\\p{Lu})", "Doctor"),
                    Abbreviation.of(START + "Prof\\.?(?=\\s+\\p{Lu})", "Professor"),
                    Abbreviation.of(START + "approx\\.", "approximately"),
                    Abbreviation.of(START + "[nN]o\\.(?=\\s?\\d)", "number"),
                    Abbreviation.of(START + "[nN][°º]", "number"),
                    Abbreviation.of(START + "vs\\.?" + END, "versus"),
                    Abbreviation.of("\\s?&\\s?", " and ")));
}

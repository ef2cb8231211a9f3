package org.reelforge.provider.offline.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.video.Language;

class SpeechTextNumbersTest {
    private final SpeechText french = SpeechText.forLanguage(Language.FR);
    private final SpeechText english = SpeechText.forLanguage(Language.EN);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "0|zéro", "7|sept", "16|seize", "17|dix-sept", "21|vingt et un", "22|vingt-deux", "60|soixante",
        "70|soixante-dix", "71|soixante et onze", "72|soixante-douze", "77|soixante-dix-sept", "80|quatre-vingts",
        "81|quatre-vingt-un", "90|quatre-vingt-dix", "91|quatre-vingt-onze", "99|quatre-vingt-dix-neuf",
        "100|cent", "101|cent un", "200|deux cents", "201|deux cent un", "280|deux cent quatre-vingts",
        "1000|mille", "1001|mille un", "2000|deux mille", "80000|quatre-vingt mille", "200000|deux cent mille",
        "1000000|un million", "2000000|deux millions", "200000000|deux cents millions",
        "1000000000|un milliard", "3500000000|trois milliards cinq cents millions", "-5|moins cinq"})
    void frenchCardinalsUseTraditionalSpelling(long n, String words) {
        assertThat(new FrenchNumberWords().cardinal(n)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "0|zero", "7|seven", "13|thirteen", "21|twenty-one", "71|seventy-one", "80|eighty", "91|ninety-one",
        "100|one hundred", "101|one hundred one", "1000|one thousand", "2024|two thousand twenty-four",
        "1000000|one million", "1000000000|one billion", "2500000001|two billion five hundred million one",
        "-3|minus three"})
    void englishCardinalsAreAmericanStyle(long n, String words) {
        assertThat(new EnglishNumberWords().cardinal(n)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "2|deuxième", "3|troisième", "4|quatrième", "5|cinquième", "9|neuvième", "11|onzième", "21|vingt et unième",
        "80|quatre-vingtième", "100|centième", "1000|millième"})
    void frenchOrdinalsFollowTheLastWord(long n, String words) {
        assertThat(new FrenchNumberWords().ordinal(n)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "1|first", "2|second", "3|third", "5|fifth", "8|eighth", "9|ninth", "12|twelfth", "20|twentieth",
        "21|twenty-first", "100|one hundredth"})
    void englishOrdinalsFollowTheLastWord(long n, String words) {
        assertThat(new EnglishNumberWords().ordinal(n)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Il y a 0 risque.|Il y a zéro risque.",
        "J'ai 7 chats.|J'ai sept chats.",
        "Il a 21 ans.|Il a vingt et un ans.",
        "Elle a 71 ans.|Elle a soixante et onze ans.",
        "Plus de 80 pays.|Plus de quatre-vingts pays.",
        "Exactement 91 jours.|Exactement quatre-vingt-onze jours.",
        "Environ 1 000 personnes.|Environ mille personnes.",
        "Déjà 2 024 inscrits.|Déjà deux mille vingt-quatre inscrits.",
        "Un budget de 1 000 000 d'euros.|Un budget de un million d'euros.",
        "Il pèse 3,5 kg.|Il pèse trois virgule cinq kilogrammes.",
        "Un taux de 3,5.|Un taux de trois virgule cinq.",
        "Pi vaut 3,14.|Pi vaut trois virgule quatorze.",
        "Soit 3,05 au total.|Soit trois virgule zéro cinq au total.",
        "Une hausse de 12 %.|Une hausse de douze pour cent.",
        "Une baisse de 12%.|Une baisse de douze pour cent.",
        "Le 1er janvier.|Le premier janvier.",
        "La 1re fois.|La première fois.",
        "Le 2e jour.|Le deuxième jour.",
        "Au 3ème étage.|Au troisième étage.",
        "La 2nde guerre.|La seconde guerre.",
        "Au XIXe siècle.|Au dix-neuvième siècle.",
        "En 1789, la Révolution.|En mille sept cent quatre-vingt-neuf, la Révolution.",
        "En 2024 déjà.|En deux mille vingt-quatre déjà.",
        "Il fait 20 °C.|Il fait vingt degrés Celsius.",
        "Il fait -5°C.|Il fait moins cinq degrés Celsius.",
        "Ça coûte 5 €.|Ça coûte cinq euros.",
        "Ça coûte 1 €.|Ça coûte un euro.",
        "Ça coûte 5,50 €.|Ça coûte cinq euros cinquante.",
        "Un projet à 5 M€.|Un projet à cinq millions d'euros.",
        "Ça vaut 10 $.|Ça vaut dix dollars.",
        "À 130 km/h.|À cent trente kilomètres par heure.",
        "Une course de 1 km.|Une course de un kilomètre.",
        "Une course de 42 km.|Une course de quarante-deux kilomètres.",
        "Rendez-vous à 14h30.|Rendez-vous à quatorze heures trente.",
        "Il dort 1 heure.|Il dort une heure.",
        "Pendant 21 minutes.|Pendant vingt et une minutes.",
        "De 2020-2024.|De deux mille vingt à deux mille vingt-quatre.",
        "Une note de 9/10.|Une note de neuf sur dix.",
        "Le 14/07/1789.|Le quatorze juillet mille sept cent quatre-vingt-neuf.",
        "Le n° 5.|Le numéro cinq.",
        "Le #1 mondial.|Le numéro un mondial.",
        "Un fichier mp3.|Un fichier mp trois.",
        "En 2024 l'entreprise a grandi.|En deux mille vingt-quatre l'entreprise a grandi.",
        "Les 3 m'ont dit oui.|Les trois m'ont dit oui.",
        "Les 24 h du Mans.|Les vingt-quatre heures du Mans."})
    void frenchTextHasItsNumbersSpelledOut(String written, String spoken) {
        assertThat(french.rewrite(written)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "There is 0 risk.|There is zero risk.",
        "I have 7 cats.|I have seven cats.",
        "She is 21.|She is twenty-one.",
        "About 71 countries.|About seventy-one countries.",
        "Over 80 people.|Over eighty people.",
        "About 1,000 people.|About one thousand people.",
        "Already 2,024 members.|Already two thousand twenty-four members.",
        "A budget of 1,000,000 dollars.|A budget of one million dollars.",
        "It weighs 3.5 kg.|It weighs three point five kilograms.",
        "Pi is 3.14.|Pi is three point one four.",
        "Up 12%.|Up twelve percent.",
        "Up 12 %.|Up twelve percent.",
        "The 1st day.|The first day.",
        "The 2nd day.|The second day.",
        "The 3rd try.|The third try.",
        "The 21st century.|The twenty-first century.",
        "In 1789, France changed.|In seventeen eighty-nine, France changed.",
        "In 2024 we saw it.|In twenty twenty-four we saw it.",
        "In 2005 it began.|In two thousand five it began.",
        "In 1900 it began.|In nineteen hundred it began.",
        "In 1905 it began.|In nineteen oh five it began.",
        "Back in the 1980s.|Back in the nineteen eighties.",
        "It is 20 °C.|It is twenty degrees Celsius.",
        "It costs $5.|It costs five dollars.",
        "It costs $1.|It costs one dollar.",
        "It costs $5.50.|It costs five dollars and fifty cents.",
        "It costs €20.|It costs twenty euros.",
        "A $2bn deal.|A two billion dollars deal.",
        "Run 1 km.|Run one kilometer.",
        "Run 5 km.|Run five kilometers.",
        "At 10:30 sharp.|At ten thirty sharp.",
        "At 10:05 sharp.|At ten oh five sharp.",
        "From 2020-2024.|From twenty twenty to twenty twenty-four.",
        "Nine 9/10 times.|Nine nine out of ten times.",
        "Ticket No. 5.|Ticket number five.",
        "It is -3 outside.|It is minus three outside."})
    void englishTextHasItsNumbersSpelledOut(String written, String spoken) {
        assertThat(english.rewrite(written)).isEqualTo(spoken);
    }

    @Test
    void veryLongNumbersAreReadDigitByDigit() {
        assertThat(english.rewrite("Code 12345678901234567.")).isEqualTo(
                "Code one two three four five six seven eight nine zero one two three four five six seven.");
    }

    @Test
    void frenchYearsAreReadAsCardinals() {
        assertThat(new FrenchNumberWords().year(2024)).isEqualTo("deux mille vingt-quatre");
        assertThat(new EnglishNumberWords().year(1789)).isEqualTo("seventeen eighty-nine");
        assertThat(new EnglishNumberWords().year(2024)).isEqualTo("twenty twenty-four");
    }
}

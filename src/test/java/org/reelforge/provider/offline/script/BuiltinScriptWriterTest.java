package org.reelforge.provider.offline.script;

import static org.assertj.core.api.Assertions.assertThat;
import org.reelforge.video.ClipLengths;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.provider.ScriptWriter.Written;
import org.reelforge.video.Block;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.Style;

class BuiltinScriptWriterTest {
    private static final Set<String> FRENCH_WORDS = Set.of("le", "la", "les", "de", "des", "un", "une", "et", "est",
            "pour", "sur", "vous", "on", "il", "ce", "qui", "que", "à", "en", "du", "avec", "pas", "c'est", "tout");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "a", "is", "and", "of", "to", "you", "it", "with",
            "for", "about", "that", "this", "in", "on", "are", "was", "we", "what", "your");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private final BuiltinScriptWriter writer = new BuiltinScriptWriter();

    private Script write(String theme, int seconds, Style style, Language language) {
        return writer.write(new Brief(theme, seconds, style, language, Mode.NATIVE_AUDIO)).script();
    }

    static Stream<Arguments> stylesAndLanguages() {
        return Arrays.stream(Style.values())
                .flatMap(style -> Stream.of(Arguments.of(style, Language.FR), Arguments.of(style, Language.EN)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void everyTargetFrom8To180GivesBlocksOf4To8SecondsAddingUpToIt(Style style, Language language) {
        for (int target = 8; target <= 180; target++) {
            Script script = write("Intelligence Artificielle", target, style, language);
            int expected = target % 2 == 0 ? target : target + 1;
            assertThat(script.totalDurationSeconds()).as("total for %d s", target).isEqualTo(expected);
            assertThat(script.blocks()).extracting(Block::durationSeconds).allMatch(org.reelforge.video.ClipLengths.of(4, 6, 8)::allows);
            assertThat(script.blocks()).extracting(Block::index)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, script.blocks().size()).boxed().toList());
            script.requireDurationNear(target);
        }
    }

    @Test
    void blocksFollowTheClipModelsLengthsAndTheDurationsItImposes() {
        Brief veo = new Brief("Les volcans", 36, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO);
        assertThat(new BuiltinScriptWriter().write(veo).script().blocks()).extracting(Block::durationSeconds)
                .containsExactly(8, 8, 8, 6, 6);
        Brief omni = new Brief("Les volcans", 15, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO, ClipLengths.range(3, 10));
        assertThat(new BuiltinScriptWriter().write(omni).script().blocks()).extracting(Block::durationSeconds)
                .as("a range of lengths reaches the target exactly").containsExactly(8, 7);
        Brief extend = new Brief("Les volcans", 22, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO,
                ClipLengths.of(4, 6, 8), List.of(8, 7, 7));
        assertThat(new BuiltinScriptWriter().write(extend).script().blocks()).extracting(Block::durationSeconds)
                .as("Veo's 7 s extensions").containsExactly(8, 7, 7);
    }

    @Test
    void durationsOutsideTheAllowedRangeAreRefused() {
        assertThatThrownBy(() -> write("Chats", 7, Style.INFORMATIVE, Language.FR))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("target_duration");
        assertThatThrownBy(() -> write("Chats", 181, Style.INFORMATIVE, Language.FR))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void otherLanguagesAreRefusedWithTheVariablesThatConfigureAnLlm() {
        assertThatThrownBy(() -> write("Vulkane", 36, Style.INFORMATIVE, Language.of("de")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("only fr and en", "\"de\"", "LLM", "REELFORGE_GEMINI_API_KEY",
                            "REELFORGE_OPENAI_API_KEY");
                });
    }

    @Test
    void aUserScriptInAnotherLanguageIsLeftAsWrittenForTheVoice() {
        Script script = write("Volcans", 12, Style.INFORMATIVE, Language.FR);
        Script german = script.withBlocks(script.blocks().stream().map(b -> b.withSpokenText("Es gibt 3 Vulkane.")).toList());
        assertThat(writer.adaptForSpeech(german, Language.of("de")).script()).isEqualTo(german);
    }

    @Test
    void frenchScriptIsWrittenInFrenchAndAboutTheTheme() {
        Script script = write("Intelligence Artificielle", 36, Style.INFORMATIVE, Language.FR);
        String spoken = spokenText(script);
        assertThat(share(spoken, FRENCH_WORDS)).isGreaterThan(0.15);
        assertThat(share(spoken, Set.of("the", "and", "is", "you", "with"))).isZero();
        assertThat(script.block(1).spokenText()).contains("Intelligence Artificielle");
        assertThat(script.blocks().stream().filter(b -> b.spokenText().contains("Intelligence Artificielle")).count())
                .isGreaterThanOrEqualTo(3);
        assertThat(script.title()).contains("Intelligence Artificielle");
    }

    @Test
    void englishScriptIsWrittenInEnglishAndAboutTheTheme() {
        Script script = write("Space exploration", 36, Style.INFORMATIVE, Language.EN);
        String spoken = spokenText(script);
        assertThat(share(spoken, ENGLISH_WORDS)).isGreaterThan(0.15);
        assertThat(share(spoken, Set.of("le", "les", "des", "est", "vous", "avec"))).isZero();
        assertThat(script.block(1).spokenText()).contains("Space exploration");
        assertThat(script.blocks().stream().filter(b -> b.spokenText().contains("Space exploration")).count())
                .isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void everyStyleAndLanguageIsWrittenInItsOwnLanguage(Style style, Language language) {
        String spoken = spokenText(write("Les océans", 60, style, language));
        assertThat(share(spoken, language.isFrench() ? FRENCH_WORDS : ENGLISH_WORDS)).isGreaterThan(0.12);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void spokenTextFitsItsBlockAtAbout2WordsASecond(Style style, Language language) {
        for (int target : List.of(8, 10, 12, 18, 36, 60, 99, 180)) {
            for (String theme : List.of("IA", "Intelligence Artificielle", "the long and winding history of the Roman empire")) {
                for (Block block : write(theme, target, style, language).blocks()) {
                    int words = Words.count(block.spokenText());
                    assertThat(words).as("%s (%d s)", block.spokenText(), block.durationSeconds())
                            .isBetween((int) (1.5 * block.durationSeconds()), (int) (2.5 * block.durationSeconds()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void aThreeMinuteVideoNeverSaysTheSameSentenceTwice(Style style, Language language) {
        Script script = write("Le climat", 180, style, language);
        List<String> sentences = script.blocks().stream()
                .flatMap(b -> Arrays.stream(SENTENCE_END.split(b.spokenText())))
                .toList();
        assertThat(sentences).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void consecutiveBlocksMakeDifferentPoints(Style style, Language language) {
        List<Block> blocks = write("Le climat", 120, style, language).blocks();
        for (int i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i).spokenText()).isNotEqualTo(blocks.get(i - 1).spokenText());
        }
    }

    @Test
    void allFiveStylesReadDifferently() {
        for (Language language : List.of(Language.FR, Language.EN)) {
            Set<String> texts = new HashSet<>();
            Set<String> titles = new HashSet<>();
            Set<String> guides = new HashSet<>();
            for (Style style : Style.values()) {
                Script script = write("Les volcans", 36, style, language);
                texts.add(spokenText(script));
                titles.add(script.title());
                guides.add(script.styleGuide());
            }
            assertThat(texts).hasSize(5);
            assertThat(titles).hasSize(5);
            assertThat(guides).hasSize(5);
        }
    }

    @Test
    void theSameBriefAlwaysGivesTheSameScript() {
        Brief brief = new Brief("Les abeilles 🐝", 48, Style.STORYTELLING, Language.FR, Mode.NARRATED);
        assertThat(new BuiltinScriptWriter().write(brief)).isEqualTo(new BuiltinScriptWriter().write(brief));
        assertThat(write("Les abeilles", 48, Style.STORYTELLING, Language.FR))
                .isNotEqualTo(write("Les fourmis", 48, Style.STORYTELLING, Language.FR));
    }

    @Test
    void writingReportsOneFreeScriptCall() {
        Written written = writer.write(new Brief("Chats", 36, Style.HUMOROUS, Language.EN, Mode.NATIVE_AUDIO));
        assertThat(written.calls()).containsExactly(new ProviderCall("builtin-writer", "script", 1, "call"));
        assertThat(writer.name()).isEqualTo("builtin-writer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndLanguages")
    void visualPromptsNameColoursAndOneCameraMotionThatChangesFromClipToClip(Style style, Language language) {
        Script script = write("Intelligence Artificielle", 180, style, language);
        String previousMotion = null;
        for (Block block : script.blocks()) {
            String prompt = block.visualPrompt().toLowerCase(Locale.ROOT);
            List<String> motions = wordsIn(prompt, VisualDirection.MOTIONS);
            assertThat(motions).as(prompt).hasSize(1);
            assertThat(wordsIn(prompt, VisualDirection.COLOURS)).as(prompt).hasSizeGreaterThanOrEqualTo(2);
            assertThat(prompt).as("written in English").contains("camera motion").doesNotContain(" le ", " les ");
            assertThat(motions.get(0)).isNotEqualTo(previousMotion);
            previousMotion = motions.get(0);
        }
        assertThat(script.blocks().stream().map(Block::visualPrompt).distinct().count()).isEqualTo(script.blocks().size());
    }

    @Test
    void styleGuideQuotesTheThemeAndNamesCharactersSettingPaletteAndTone() {
        Script script = write("Intelligence Artificielle", 36, Style.DRAMATIC, Language.FR);
        assertThat(script.styleGuide()).contains("\"Intelligence Artificielle\"", "Characters:", "Setting:", "Palette:", "Tone:");
        assertThat(wordsIn(script.styleGuide().toLowerCase(Locale.ROOT), VisualDirection.COLOURS)).hasSize(3);
        assertThat(wordsIn(script.styleGuide().toLowerCase(Locale.ROOT), VisualDirection.MOTIONS)).isEmpty();
        assertThat(script.clipPrompt(script.block(2))).contains(script.styleGuide());
    }

    @Test
    void someBlocksCarryShortOnScreenText() {
        Script script = write("Intelligence Artificielle", 60, Style.EDUCATIONAL, Language.FR);
        assertThat(script.block(1).onScreenText()).isEqualTo("Intelligence Artificielle");
        assertThat(script.blocks()).filteredOn(b -> b.onScreenText() != null).hasSizeGreaterThan(2);
        assertThat(script.blocks()).filteredOn(b -> b.onScreenText() == null).isNotEmpty();
        assertThat(script.blocks()).allMatch(b -> b.onScreenText() == null || b.onScreenText().length() <= 60);
    }

    static Stream<String> hostileThemes() {
        return Stream.of(
                "Le \"vrai\" prix d'un 'rêve'",
                "C:\\Windows\\System32 \\n \\\\ back\\slash",
                "{T} ${theme} {{mustache}} %s %d $1 \\1",
                "Titre : sous-titre : encore : deux-points",
                "Première ligne\nDeuxième ligne\r\nTroisième\tfin",
                "🚀🔥 Fusées 👩‍🚀 et étoiles ✨🇫🇷",
                "الذكاء الاصطناعي",
                "בינה מלאכותית ועתיד",
                "Mélange العربية and English עברית ok",
                "</script><script>alert(1)</script>",
                "x".repeat(200),
                ("Un thème très long qui parle de beaucoup de choses à la fois, ").repeat(4).substring(0, 200),
                "a");
    }

    @ParameterizedTest
    @MethodSource("hostileThemes")
    void hostileThemesGiveValidScriptsCarryingTheThemeVerbatim(String theme) {
        String clean = theme.replaceAll("[\\p{Cc}]+", " ").replaceAll(" {2,}", " ").strip();
        for (Language language : List.of(Language.FR, Language.EN)) {
            for (int seconds : List.of(8, 37, 180)) {
                Script script = write(theme, seconds, Style.INFORMATIVE, language);
                assertThat(script.styleGuide()).contains("\"" + clean + "\"");
                assertThat(script.requireDurationNear(seconds)).isNotNull();
                String hook = script.block(1).spokenText();
                if (Words.count(clean) <= 6 && clean.length() <= 60) {
                    assertThat(hook).contains(clean);
                    assertThat(script.title()).contains(clean);
                } else {
                    assertThat(hook).contains(clean.split(" ")[0].substring(0, Math.min(40, clean.split(" ")[0].length())));
                }
                assertThat(spokenText(script)).doesNotContain("\n", "\r", "\t");
                Script adapted = writer.adaptForSpeech(script, language).script();
                assertThat(adapted.blocks()).hasSameSizeAs(script.blocks());
                if (!clean.contains("{T}")) {
                    assertThat(spokenText(script) + script.title()).doesNotContain("{T}");
                }
            }
        }
    }

    @Test
    void blankThemeIsRefused() {
        assertThatThrownBy(() -> write(" \n\t ", 36, Style.INFORMATIVE, Language.FR))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("theme");
        assertThatThrownBy(() -> write(null, 36, Style.INFORMATIVE, Language.FR)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> writer.write(new Brief("x", 36, null, Language.FR, Mode.NARRATED)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("style");
    }

    private static String spokenText(Script script) {
        return String.join(" ", script.blocks().stream().map(Block::spokenText).toList());
    }

    private static double share(String text, Set<String> vocabulary) {
        String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        long hits = Arrays.stream(tokens).filter(vocabulary::contains).count();
        return (double) hits / tokens.length;
    }

    private static List<String> wordsIn(String text, List<String> vocabulary) {
        List<String> found = new ArrayList<>();
        for (String word : vocabulary) {
            if (Pattern.compile("\\b" + word + "\\b").matcher(text).find()) {
                found.add(word);
            }
        }
        return found;
    }
}

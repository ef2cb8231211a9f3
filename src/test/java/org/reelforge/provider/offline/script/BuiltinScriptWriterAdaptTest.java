package org.reelforge.provider.offline.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.provider.ScriptWriter.RewrittenBlock;
import org.reelforge.provider.ScriptWriter.Written;
import org.reelforge.video.Block;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.Style;

class BuiltinScriptWriterAdaptTest {
    private final BuiltinScriptWriter writer = new BuiltinScriptWriter();

    private static Script script(String... spoken) {
        List<Block> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < spoken.length; i++) {
            blocks.add(new Block(i + 1, i % 2 == 0 ? 8 : 6, "Wide shot, teal and gold, camera motion: drift.", spoken[i],
                    i == 0 ? "Titre 2024" : null));
        }
        return new Script("Titre", "Palette: teal and gold.", blocks);
    }

    @Test
    void adaptSpellsNumbersOutAndKeepsTheBlockStructure() {
        Script original = script("En 2024, 12 % des Français 🚀 **adorent** ça.", "Le 1er prix vaut 1 000 € (environ).",
                "Voir https://example.com pour le 2e épisode, etc.");
        Script adapted = writer.adaptForSpeech(original, Language.FR).script();

        assertThat(adapted.blocks()).extracting(Block::spokenText).containsExactly(
                "En deux mille vingt-quatre, douze pour cent des Français adorent ça.",
                "Le premier prix vaut mille euros, environ.",
                "Voir pour le deuxième épisode, et cetera.");
        assertThat(adapted.blocks()).extracting(Block::index).containsExactly(1, 2, 3);
        assertThat(adapted.blocks()).extracting(Block::durationSeconds).containsExactly(8, 6, 8);
        assertThat(adapted.blocks()).extracting(Block::visualPrompt)
                .containsExactlyElementsOf(original.blocks().stream().map(Block::visualPrompt).toList());
        assertThat(adapted.block(1).onScreenText()).isEqualTo("Titre 2024");
        assertThat(adapted.title()).isEqualTo(original.title());
        assertThat(adapted.styleGuide()).isEqualTo(original.styleGuide());
    }

    @Test
    void adaptReadsEnglishTheEnglishWay() {
        Script adapted = writer.adaptForSpeech(script("In 1789, 3.5 million people paid $5 each, i.e. a lot."), Language.EN).script();
        assertThat(adapted.block(1).spokenText())
                .isEqualTo("In seventeen eighty-nine, three point five million people paid five dollars each, that is a lot.");
    }

    @Test
    void adaptReportsOneFreeAdaptCall() {
        Written written = writer.adaptForSpeech(script("Bonjour."), Language.FR);
        assertThat(written.calls()).containsExactly(new ProviderCall("builtin-writer", "adapt", 1, "call"));
    }

    @Test
    void aBlockWithNothingSpeakableKeepsAPauseRatherThanBecomingInvalid() {
        Script adapted = writer.adaptForSpeech(script("🎉🎉🎉", "OK."), Language.EN).script();
        assertThat(adapted.block(1).spokenText()).isEqualTo("…");
        assertThat(adapted.blocks()).hasSize(2);
    }

    @Test
    void spelledOutTextStaysWithinTheBlockLimit() {
        Script adapted = writer.adaptForSpeech(script("999 999 999, ".repeat(40).strip()), Language.FR).script();
        assertThat(adapted.block(1).spokenText().length()).isLessThanOrEqualTo(Block.MAX_SPOKEN_CHARS);
        assertThat(adapted.block(1).spokenText()).startsWith("Neuf cent quatre-vingt-dix-neuf millions");
    }

    @Test
    void writtenScriptsSurviveTheAdaptStepUnchangedInShape() {
        for (Language language : List.of(Language.FR, Language.EN)) {
            for (Style style : Style.values()) {
                Script written = writer.write(new Brief("Les 7 merveilles du monde", 60, style, language, Mode.NARRATED)).script();
                Script adapted = writer.adaptForSpeech(written, language).script();
                assertThat(adapted.blocks()).extracting(Block::durationSeconds)
                        .containsExactlyElementsOf(written.blocks().stream().map(Block::durationSeconds).toList());
                assertThat(adapted.blocks()).allMatch(b -> !b.spokenText().matches(".*\\d.*"));
                assertThat(adapted.block(1).spokenText().toLowerCase(Locale.ROOT))
                        .contains(language.isFrench() ? "sept merveilles" : "seven merveilles");
            }
        }
    }

    @Test
    void refusedPromptKeepsColoursAndMotionButDropsPeopleBrandsViolenceAndQuotes() {
        String refused = "Close-up of Elon Musk holding a Coca-Cola bottle while soldiers fight in a burning city, "
                + "text \"BUY NOW\". Dominant colour red, with gold highlights. Camera motion: pan left.";
        RewrittenBlock rewritten = writer.rewriteRefusedBlock(new Block(1, 8, refused, "Un achat.", null), "",
                "third-party content", Language.FR);
        String prompt = rewritten.block().visualPrompt();

        assertThat(prompt).contains("red", "gold", "pan left", "city");
        assertThat(prompt.toLowerCase(Locale.ROOT))
                .doesNotContain("musk", "elon", "coca", "soldier", "fight", "burning", "buy now", "\"");
        assertThat(prompt).contains("No people");
        assertThat(rewritten.block().spokenText()).isEqualTo("Un achat.");
        assertThat(rewritten.calls()).containsExactly(new ProviderCall("builtin-writer", "rewrite", 1, "call"));
    }

    @Test
    void refusedPromptRewriteIsDeterministicAndHasDefaults() {
        Block violent = new Block(1, 8, "A violent scene.", "Une scène.", null);
        String first = writer.rewriteRefusedBlock(violent, "", "usage guidelines", Language.EN).block().visualPrompt();
        assertThat(writer.rewriteRefusedBlock(violent, "", "usage guidelines", Language.EN).block().visualPrompt())
                .isEqualTo(first);
        assertThat(first).contains("teal", "white", "drift").doesNotContain("violent");
    }

    @Test
    void everyWrittenPromptCanBeRewrittenKeepingItsMotion() {
        Script script = writer.write(new Brief("Les volcans", 36, Style.DRAMATIC, Language.FR, Mode.NATIVE_AUDIO)).script();
        VisualDirection look = new VisualDirection(Style.DRAMATIC, Theme.of("Les volcans"));
        for (Block block : script.blocks()) {
            String rewritten = writer.rewriteRefusedBlock(block.withVisualPrompt(script.clipPrompt(block)), script.styleGuide(),
                    "usage guidelines", Language.FR).block().visualPrompt();
            assertThat(rewritten).contains(look.motion(block.index())).doesNotContain("Les volcans");
        }
    }
}

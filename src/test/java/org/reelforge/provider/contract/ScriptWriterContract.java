package org.reelforge.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.video.Block;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.Style;

/** What the pipeline relies on from any {@link ScriptWriter}, offline or real. */
abstract class ScriptWriterContract {
    static final ScriptWriter.Brief BRIEF = new ScriptWriter.Brief("Les volcans", 16, Style.INFORMATIVE, Language.FR,
            Mode.NARRATED);

    abstract ScriptWriter writer();

    @Test
    void writesAValidScriptWhoseBlocksAddUpToTheTargetWithinOneBlock() {
        ScriptWriter.Written w = writer().write(BRIEF);
        Script s = w.script().requireDurationNear(BRIEF.targetDurationSeconds());
        assertThat(s.blocks()).allSatisfy(b -> assertThat(BRIEF.lengths().allows(b.durationSeconds())).isTrue());
        assertThat(s.blocks()).allSatisfy(b -> assertThat(b.spokenText()).isNotBlank());
        assertThat(w.calls()).isNotEmpty();
    }

    @Test
    void adaptingForSpeechKeepsTheBlocksAndTheirDurations() {
        Script s = writer().write(BRIEF).script();
        Script adapted = writer().adaptForSpeech(s, Language.FR).script();
        assertThat(adapted.blocks()).extracting(Block::index).isEqualTo(s.blocks().stream().map(Block::index).toList());
        assertThat(adapted.blocks()).extracting(Block::durationSeconds)
                .isEqualTo(s.blocks().stream().map(Block::durationSeconds).toList());
    }

    @Test
    void aRefusedBlockIsRewrittenIntoAnotherNonBlankPromptKeepingItsPlace() {
        Block refused = new Block(2, 8, "Mickey Mouse fighting with a gun", "Mickey se bat.", null);
        ScriptWriter.RewrittenBlock r = writer().rewriteRefusedBlock(refused, "warm light", "usage guidelines", Language.FR);
        assertThat(r.block().visualPrompt()).isNotBlank().isNotEqualTo(refused.visualPrompt());
        assertThat(r.block().index()).isEqualTo(2);
        assertThat(r.block().durationSeconds()).isEqualTo(8);
        assertThat(r.block().spokenText()).isNotBlank();
    }
}

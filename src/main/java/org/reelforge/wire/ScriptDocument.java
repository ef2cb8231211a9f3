package org.reelforge.wire;

import java.util.List;
import org.reelforge.video.Block;
import org.reelforge.video.Script;

/** The JSON form of a script ({@code script.json}, the API): snake_case, durations in seconds. */
public record ScriptDocument(String title, String styleGuide, List<BlockDocument> blocks) {
    /** @param emphasis words of the spoken text to stress in the captions; absent or empty for none */
    public record BlockDocument(int index, int duration, String visualPrompt, String spokenText, String onScreenText,
                                List<String> emphasis) {
        public BlockDocument(int index, int duration, String visualPrompt, String spokenText, String onScreenText) {
            this(index, duration, visualPrompt, spokenText, onScreenText, List.of());
        }

        Block toBlock() {
            return new Block(index, duration, visualPrompt, spokenText, onScreenText, emphasis);
        }
    }

    public static ScriptDocument of(Script script) {
        return new ScriptDocument(script.title(), script.styleGuide(), script.blocks().stream()
                .map(b -> new BlockDocument(b.index(), b.durationSeconds(), b.visualPrompt(), b.spokenText(), b.onScreenText(),
                        b.emphasis()))
                .toList());
    }

    /** Validates through the domain: every broken rule names its field. */
    public Script toScript() {
        if (blocks == null) {
            return new Script(title, styleGuide, List.of());
        }
        return new Script(title, styleGuide, blocks.stream().map(BlockDocument::toBlock).toList());
    }
}

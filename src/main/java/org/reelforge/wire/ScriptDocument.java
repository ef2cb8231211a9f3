package org.reelforge.wire;

import java.util.List;
import org.reelforge.video.Block;
import org.reelforge.video.BlockMedia;
import org.reelforge.video.Script;

/** The JSON form of a script ({@code script.json}, the API): snake_case, durations in seconds. */
public record ScriptDocument(String title, String styleGuide, List<BlockDocument> blocks) {
    /**
     * @param emphasis words of the spoken text to stress in the captions; absent or empty for none
     * @param media    the person's own file for the block (uploaded to the video first); absent for a generated clip
     */
    public record BlockDocument(int index, int duration, String visualPrompt, String spokenText, String onScreenText,
                                List<String> emphasis, MediaDocument media) {
        public BlockDocument(int index, int duration, String visualPrompt, String spokenText, String onScreenText) {
            this(index, duration, visualPrompt, spokenText, onScreenText, List.of(), null);
        }

        Block toBlock() {
            return new Block(index, duration, visualPrompt, spokenText, onScreenText, emphasis,
                    media == null ? null : media.toMedia("blocks[" + index + "].media"));
        }
    }

    /** A block's own file: {@code {id, kind: video|image, name, keep_sound}}. */
    public record MediaDocument(String id, String kind, String name, Boolean keepSound) {
        public static MediaDocument of(BlockMedia m) {
            return m == null ? null : new MediaDocument(m.id(), m.kind().wireName(), m.name(), m.keepSound());
        }

        BlockMedia toMedia(String field) {
            try {
                return new BlockMedia(id, BlockMedia.Kind.parse(field + ".kind", kind), name, keepSound == null || keepSound);
            } catch (org.reelforge.video.InvalidRequestException e) {
                throw e.field().startsWith("media.") ? new org.reelforge.video.InvalidRequestException(
                        field + e.field().substring(5), e.rule()) : e;
            }
        }
    }

    public static ScriptDocument of(Script script) {
        return new ScriptDocument(script.title(), script.styleGuide(), script.blocks().stream()
                .map(b -> new BlockDocument(b.index(), b.durationSeconds(), b.visualPrompt(), b.spokenText(), b.onScreenText(),
                        b.emphasis(), MediaDocument.of(b.media())))
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

package org.reelforge.provider;

import java.util.List;
import org.reelforge.video.Block;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;
import org.reelforge.video.Style;

/**
 * Writes the script of a video and rewrites its text when asked. Implementations are thread-safe;
 * every method blocks until the provider answers (seconds for a remote LLM) and throws
 * {@link ProviderException} on failure, classified by kind.
 */
public interface ScriptWriter {
    /** Name used in logs and the cost ledger. */
    String name();

    /**
     * Writes a script whose block durations (each one of the brief's clip lengths) add up to the target within one block, in
     * the brief's language and style, with a style guide meant to be repeated into every clip prompt.
     */
    Written write(Brief brief);

    /**
     * Whether this writer writes scripts in {@code language} (checked when a video is asked for, before anything runs);
     * a user's own script needs no writer. LLM writers write every language.
     */
    default boolean writes(Language language) {
        return true;
    }

    /** What {@link #write} is expected to bill (a typical token count for a remote LLM); empty when free. */
    default List<ProviderCall> quote(Brief brief) {
        return List.of();
    }

    /**
     * The adapt step (narrated mode): rewrites each block's spoken text for a speech synthesizer —
     * numbers and abbreviations spelled out, emoji and markdown removed, pauses marked by punctuation.
     * Block count, order and durations stay the same.
     */
    Written adaptForSpeech(Script script, Language language);

    /**
     * Rewrites a block the video model refused: its visual prompt and its spoken line, so that both stay within the
     * usage rules while keeping the block's intent; index and duration stay. The style guide is given for context
     * and is kept in the script (and so in every clip prompt). Called at most once per refused block. A failure or
     * a refusal of the rewrite itself is a {@link ProviderException}; the engine then abandons that clip.
     */
    RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String refusalReason, Language language);

    /**
     * Writes another version of one block of a script under review, because the person reviewing it asked: same index
     * and duration, in the script's language and style guide, fitting between its neighbours. The default asks the
     * refusal rewrite with that reason; LLM writers may do better.
     */
    default RewrittenBlock reviseBlock(Block block, Script script, Language language) {
        return rewriteRefusedBlock(block, script.styleGuide(), "the person reviewing the script asked for another "
                + "version of this block (keep its subject and length, say it differently)", language);
    }

    /**
     * What the script is asked to be.
     *
     * @param lengths   the clip lengths the chosen video model can make: every block's duration is one of them
     * @param durations the exact block durations, in order, when the clip strategy leaves no choice (extend on a model
     *                  whose extensions add a fixed length); empty otherwise
     */
    record Brief(String theme, int targetDurationSeconds, Style style, Language language, Mode mode, ClipLengths lengths,
                 List<Integer> durations) {
        public Brief {
            durations = durations == null ? List.of() : List.copyOf(durations);
        }

        public Brief(String theme, int targetDurationSeconds, Style style, Language language, Mode mode,
                     ClipLengths lengths) {
            this(theme, targetDurationSeconds, style, language, mode, lengths, List.of());
        }

        /** Blocks of 4, 6 or 8 s (Veo's lengths). */
        public Brief(String theme, int targetDurationSeconds, Style style, Language language, Mode mode) {
            this(theme, targetDurationSeconds, style, language, mode, ClipLengths.of(4, 6, 8));
        }

        /** The block durations to write: {@link #durations()} when fixed, else a plan of the lengths. */
        public List<Integer> plan() {
            return durations.isEmpty() ? lengths.plan(targetDurationSeconds) : durations;
        }
    }

    /** A script and the calls it cost. */
    record Written(Script script, List<ProviderCall> calls) {
        public Written {
            calls = List.copyOf(calls);
        }
    }

    /** A rewritten block and the calls it cost. */
    record RewrittenBlock(Block block, List<ProviderCall> calls) {
        public RewrittenBlock {
            calls = List.copyOf(calls);
        }
    }
}

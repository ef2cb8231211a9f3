package org.reelforge.provider;

import java.util.List;
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
     * Writes a script whose block durations (4, 6 or 8 s each) add up to the target within one block, in
     * the brief's language and style, with a style guide meant to be repeated into every clip prompt.
     */
    Written write(Brief brief);

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
     * Rewrites a clip prompt the video model refused so that it stays within the usage rules while
     * keeping the block's intent. Called at most once per refused block.
     */
    Rewritten rewriteRefusedPrompt(String prompt, String refusalReason, Language language);

    /** What the script is asked to be. */
    record Brief(String theme, int targetDurationSeconds, Style style, Language language, Mode mode) {
    }

    /** A script and the calls it cost. */
    record Written(Script script, List<ProviderCall> calls) {
        public Written {
            calls = List.copyOf(calls);
        }
    }

    record Rewritten(String prompt, List<ProviderCall> calls) {
        public Rewritten {
            calls = List.copyOf(calls);
        }
    }
}

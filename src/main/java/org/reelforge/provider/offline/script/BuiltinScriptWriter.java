package org.reelforge.provider.offline.script;

import java.util.ArrayList;
import java.util.List;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.video.Block;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;
import org.reelforge.video.Script;
import org.reelforge.video.VideoRequest;

/**
 * The script writer used when no LLM is configured: no network, no key, French and English, five styles.
 * Deterministic: the same brief always gives the same script (choices follow a hash of the theme), so it
 * also serves as the script step's test double. Thread-safe and stateless; every call returns at once.
 *
 * <p>Scripts are written from a phrase bank per language and style: a hook naming the theme, developing
 * sentences, a closing line, each block's speech sized to about 2.2 words a second; English visual prompts
 * naming colours and a camera motion that the offline clip renderer understands.
 */
public final class BuiltinScriptWriter implements ScriptWriter {
    /** Name in logs and the price-table key of the calls it reports (priced at 0). */
    public static final String NAME = "builtin-writer";
    private static final String EMPTY_SPEECH = "…";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws InvalidRequestException when the brief lacks a theme, style or language, or asks for a
     *                                 duration outside 8–180 s
     * @throws ProviderException       ({@code PERMANENT}) for a language other than fr and en
     */
    @Override
    public Written write(Brief brief) {
        requireComplete(brief);
        Theme theme = Theme.of(brief.theme());
        Narrator narrator = new Narrator(Phrasebook.of(brief.language()), brief.style(), theme);
        VisualDirection look = new VisualDirection(brief.style(), theme);
        if (brief.targetDurationSeconds() < VideoRequest.MIN_DURATION || brief.targetDurationSeconds() > VideoRequest.MAX_DURATION) {
            throw new InvalidRequestException("target_duration", "must be between " + VideoRequest.MIN_DURATION
                    + " and " + VideoRequest.MAX_DURATION + " seconds (got " + brief.targetDurationSeconds() + ")");
        }
        // the clip model's lengths (or the exact durations its extensions impose), as the estimate counted them
        List<Integer> durations = brief.plan();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < durations.size(); i++) {
            Narrator.Role role = roleOf(i, durations.size());
            blocks.add(new Block(i + 1, durations.get(i), look.prompt(i + 1), narrator.spoken(role, durations.get(i)),
                    narrator.onScreen(role)));
        }
        Script script = new Script(narrator.title(), look.styleGuide(), blocks)
                .requireDurationNear(brief.targetDurationSeconds());
        return new Written(script, List.of(new ProviderCall(NAME, "script", 1, "call")));
    }

    /** French and English only: other languages need an LLM (or the person's own script). */
    @Override
    public boolean writes(Language language) {
        return language.isWrittenOffline();
    }

    /**
     * Rewrites every block's spoken text with {@link SpeechText} (fr, en); title, prompts and durations stay. Other
     * languages' text is left as written.
     */
    @Override
    public Written adaptForSpeech(Script script, Language language) {
        if (!language.isWrittenOffline()) {
            // a user's script in another language: espeak-ng reads its numbers and abbreviations itself
            return new Written(script, List.of(new ProviderCall(NAME, "adapt", 1, "call")));
        }
        SpeechText speech = SpeechText.forLanguage(language);
        List<Block> blocks = script.blocks().stream()
                .map(block -> block.withSpokenText(speakable(speech.rewrite(block.spokenText()))))
                .toList();
        return new Written(script.withBlocks(blocks), List.of(new ProviderCall(NAME, "adapt", 1, "call")));
    }

    /**
     * Keeps the refused prompt's colours and camera motion in a generic scene with nobody and nothing named; the spoken
     * line stays (the built-in writer wrote it, or the person did).
     */
    @Override
    public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String refusalReason, Language language) {
        return new RewrittenBlock(block.withVisualPrompt(SafePrompt.from(block.visualPrompt())),
                List.of(new ProviderCall(NAME, "rewrite", 1, "call")));
    }

    private static String speakable(String text) {
        return text.isBlank() ? EMPTY_SPEECH : Words.cut(text, Block.MAX_SPOKEN_CHARS);
    }

    private static Narrator.Role roleOf(int position, int count) {
        if (position == 0) {
            return Narrator.Role.HOOK;
        }
        return position == count - 1 ? Narrator.Role.CLOSE : Narrator.Role.BODY;
    }

    private static void requireComplete(Brief brief) {
        if (brief == null) {
            throw new InvalidRequestException("brief", "is required");
        }
        requirePresent("style", brief.style());
        requirePresent("language", brief.language());
        requireWritable(brief.language());
    }

    /** The phrasebooks are French and English; any other language needs an LLM, and the message says how to set one. */
    static void requireWritable(Language language) {
        if (!language.isWrittenOffline()) {
            throw ProviderException.permanent(NAME, "the built-in offline writer writes only fr and en, not \""
                    + language.tag() + "\"; an LLM is needed: set REELFORGE_GEMINI_API_KEY (Gemini), or"
                    + " REELFORGE_OPENAI_API_KEY / REELFORGE_OPENAI_BASE_URL (OpenAI or a compatible server such as Ollama),"
                    + " or give your own script");
        }
    }

    private static void requirePresent(String field, Object value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
    }
}

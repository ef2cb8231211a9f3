package org.reelforge.provider.llm;

import java.util.List;
import java.util.stream.Collectors;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.video.Block;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Script;

/** What we tell the LLM, for each of the three jobs and for the one repair. */
final class ScriptPrompts {
    /** The writer's instructions, with the block lengths the chosen video model can make. */
    static String scriptSystem(ClipLengths lengths) {
        return SCRIPT_SYSTEM.replace("%LENGTHS%", lengths.only().isEmpty()
                ? "whole seconds from " + lengths.min() + " to " + lengths.max()
                : lengths.describe().replace(" s", " seconds"));
    }

    private static final String SCRIPT_SYSTEM = """
            You write scripts for vertical short videos (TikTok, Reels, Shorts). A text-to-video model renders \
            each block as a separate clip and has no memory between clips, so the style guide describes the \
            recurring characters, setting, colour palette, camera style and tone precisely enough to be repeated \
            into every clip prompt. Rules: block durations are %LENGTHS% and add up to the target \
            duration; indexes run 1, 2, 3…; visual_prompt and style_guide are in English (the video model follows \
            English best), concrete and visual, without names of real people, brands or copyrighted characters; \
            title, spoken_text and on_screen_text are in the requested language; spoken_text is natural speech \
            of at most 2.5 words per second of its block; on_screen_text is a short caption or null; emphasis lists \
            1 to 3 key words of spoken_text, copied exactly as written there, for the captions to highlight. \
            Reply with JSON only.""";

    static final String ADAPT_SYSTEM = """
            You prepare text for a speech synthesizer. For each block rewrite spoken_text so that it reads aloud \
            well: numbers, dates, units and abbreviations written out in words, no emoji, no markdown, no symbols, \
            pauses marked with commas and full stops. Keep the meaning, the language, the block count and the \
            order. Reply with JSON only.""";

    static final String REWRITE_BLOCK_SYSTEM = """
            A text-to-video model refused one block of a short video. Rewrite the block's visual_prompt and its \
            spoken_text so that both stay within the model's usage rules while keeping the block's intent, subject \
            and mood: remove real people, public figures, brands, logos, copyrighted characters or works, \
            violence, minors and sensitive words, in the picture and in what is said. The visual_prompt stays in \
            English, visual and concrete, and fits the style guide (which stays as it is); the spoken_text stays \
            in the video's language, natural speech of about the same length (at most 2.5 words per second of the \
            block). Reply with JSON only.""";

    private ScriptPrompts() {
    }

    static String brief(Brief brief) {
        List<Integer> plan = brief.plan();
        String seconds = plan.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "Theme: \"" + brief.theme() + "\"\n"
                + (brief.durations().isEmpty()
                    ? "Target duration: " + brief.targetDurationSeconds() + " seconds (about " + plan.size()
                        + " blocks, e.g. of " + seconds + " seconds)\n"
                        + "Allowed block durations: " + brief.lengths().describe() + "\n"
                    : "Exactly " + plan.size() + " blocks, lasting in this order: " + seconds + " seconds (the video "
                        + "model extends each block by a fixed length)\n")
                + "Style: " + brief.style().wireName() + "\n"
                + "Language of title, spoken_text and on_screen_text: " + languageName(brief.language()) + "\n"
                + (brief.mode() == Mode.NATIVE_AUDIO
                    ? "The spoken_text is said aloud inside each clip by a character or narrator visible or heard in it.\n"
                    : "The spoken_text is a voice-over narration laid over silent clips.\n")
                + "Write the script.";
    }

    static String adapt(Script script, Language language) {
        StringBuilder out = new StringBuilder("Language: " + languageName(language) + "\nBlocks:\n");
        for (Block block : script.blocks()) {
            out.append(block.index()).append(" (").append(block.durationSeconds()).append(" s): ")
                    .append(block.spokenText()).append('\n');
        }
        return out.append("Rewrite each block's spoken_text for speech.").toString();
    }

    static String rewriteBlock(Block block, String styleGuide, String refusalReason, Language language) {
        return "The video model refused this block.\nReason given: " + refusalReason + "\nStyle guide (kept): "
                + (styleGuide.isBlank() ? "none" : styleGuide) + "\nBlock " + block.index() + " (" + block.durationSeconds()
                + " s)\nvisual_prompt: " + block.visualPrompt() + "\nspoken_text (" + languageName(language) + "): "
                + block.spokenText() + "\nWrite a new visual_prompt and spoken_text that it will accept.";
    }

    static String repair(List<String> errors) {
        return "Your reply is not valid:\n- " + String.join("\n- ", errors)
                + "\nReply again with the whole corrected JSON, fixing every point.";
    }

    static String languageName(Language language) {
        return (language.isFrench() ? "French" : "English") + " (" + language.tag() + ")";
    }
}

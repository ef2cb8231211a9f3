package org.reelforge.provider.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.video.Block;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * Turns an LLM's JSON reply into our domain, validated by the domain itself ({@link Block}, {@link Script},
 * {@link Script#requireDurationNear}) plus two checks of our own: the language of the spoken text and how
 * many words fit in a block. Collects every error it can, so one repair request can fix them all.
 */
final class ScriptReply {
    /** Natural speech is about 2.5 words a second; allow some slack before calling it unsayable. */
    static final double MAX_WORDS_PER_SECOND = 3.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptReply() {
    }

    static Script script(String text, Brief brief, String model) {
        JsonNode root = json(text);
        List<String> errors = new ArrayList<>();
        String title = requiredText(root, "title", errors);
        String styleGuide = root.path("style_guide").asText("");
        JsonNode items = root.path("blocks");
        if (!items.isArray() || items.isEmpty()) {
            throw new InvalidReply("blocks must be a non-empty array");
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            block(items.get(i), i + 1, errors).ifPresent(blocks::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidReply(errors);
        }
        // Exact durations (extend on a fixed-step model) are checked below; otherwise each block is one of the lengths.
        Script script = domain(() -> {
            Script written = new Script(title, styleGuide, blocks);
            return (brief.durations().isEmpty() ? written.requireLengths(brief.lengths(), "the video model") : written)
                    .requireDurationNear(brief.targetDurationSeconds(), brief.lengths());
        });
        List<Integer> durations = script.blocks().stream().map(Block::durationSeconds).toList();
        if (!brief.durations().isEmpty() && !durations.equals(brief.durations())) {
            throw new InvalidReply("the blocks must last exactly " + brief.durations() + " seconds, in this order (got "
                    + durations + ")");
        }
        checkSpeech(script, brief.language());
        return script;
    }

    static Script adapted(String text, Script original, Language language) {
        JsonNode items = json(text).path("blocks");
        if (!items.isArray() || items.size() != original.blocks().size()) {
            throw new InvalidReply("blocks must list the " + original.blocks().size() + " blocks, in order (got "
                    + (items.isArray() ? items.size() : 0) + ")");
        }
        List<String> errors = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Block block = original.blocks().get(i);
            JsonNode item = items.get(i);
            if (item.path("index").asInt(-1) != block.index()) {
                errors.add("blocks[" + i + "].index must be " + block.index());
            }
            try {
                blocks.add(block.withSpokenText(item.path("spoken_text").asText("")));
            } catch (InvalidRequestException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidReply(errors);
        }
        Script script = original.withBlocks(blocks);
        checkSpeech(script, language);
        return script;
    }

    /** A refused block rewritten: its new visual prompt and spoken line, checked like a script's block. */
    static Block rewrittenBlock(String text, Block original, Language language) {
        JsonNode root = json(text);
        Block block;
        try {
            block = original.withVisualPrompt(root.path("visual_prompt").asText("")).withSpokenText(root.path("spoken_text").asText(""));
        } catch (InvalidRequestException e) {
            throw new InvalidReply(e.getMessage());
        }
        if (block.visualPrompt().equals(original.visualPrompt()) && block.spokenText().equals(original.spokenText())) {
            throw new InvalidReply("visual_prompt and spoken_text are unchanged: the model refused them as they are");
        }
        checkSpeech(new Script("rewrite", "", List.of(block.withIndex(1))), language);
        return block;
    }

    private static Optional<Block> block(JsonNode item, int position, List<String> errors) {
        String field = "blocks[" + position + "]";
        if (!item.path("index").canConvertToInt() || !item.path("duration").canConvertToInt()) {
            errors.add(field + " needs integer index and duration");
            return Optional.empty();
        }
        try {
            JsonNode onScreen = item.path("on_screen_text");
            String spoken = item.path("spoken_text").asText("");
            return Optional.of(new Block(item.path("index").asInt(), item.path("duration").asInt(),
                    item.path("visual_prompt").asText(""), spoken, onScreen.isTextual() ? onScreen.asText() : null,
                    emphasis(item.path("emphasis"), spoken)));
        } catch (InvalidRequestException e) {
            errors.add(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The block's keywords as the model wrote them, keeping only those its spoken text really has (cosmetic: a word the
     * model made up is dropped, never a reason to ask again).
     */
    static List<String> emphasis(JsonNode words, String spoken) {
        if (!words.isArray()) {
            return List.of();
        }
        String text = spoken.toLowerCase(java.util.Locale.ROOT);
        List<String> kept = new ArrayList<>();
        for (JsonNode w : words) {
            String word = w.asText("").strip();
            if (!word.isEmpty() && word.length() <= Block.MAX_EMPHASIS_CHARS && kept.size() < Block.MAX_EMPHASIS_WORDS
                    && text.contains(word.toLowerCase(java.util.Locale.ROOT)) && !kept.contains(word)) {
                kept.add(word);
            }
        }
        return List.copyOf(kept);
    }

    private static void checkSpeech(Script script, Language language) {
        List<String> errors = new ArrayList<>();
        StringBuilder allSpeech = new StringBuilder();
        for (Block block : script.blocks()) {
            allSpeech.append(block.spokenText()).append(' ');
            int words = block.spokenText().split("\\s+").length;
            int most = (int) Math.floor(block.durationSeconds() * MAX_WORDS_PER_SECOND);
            if (words > most) {
                errors.add("blocks[" + block.index() + "].spoken_text has " + words + " words, too many to say in "
                        + block.durationSeconds() + " s (at most " + most + ")");
            }
        }
        LanguageCheck.mismatch(allSpeech.toString(), language).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidReply(errors);
        }
    }

    private static JsonNode json(String text) {
        try {
            JsonNode root = JSON.readTree(withoutCodeFence(text));
            if (root == null || !root.isObject()) {
                throw new InvalidReply("the reply must be one JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidReply("the reply is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Models without enforced JSON output (Ollama Cloud, some vLLM setups) like to wrap it in ```json fences. */
    private static String withoutCodeFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            t = t.substring(t.indexOf('\n') + 1);
            int end = t.lastIndexOf("```");
            t = end >= 0 ? t.substring(0, end) : t;
        }
        return t;
    }

    private static String requiredText(JsonNode root, String field, List<String> errors) {
        String value = root.path(field).asText("");
        if (value.isBlank()) {
            errors.add(field + " is required and must not be blank");
        }
        return value;
    }

    private static Script domain(Supplier<Script> build) {
        try {
            return build.get();
        } catch (InvalidRequestException e) {
            throw new InvalidReply(e.getMessage());
        }
    }
}

package org.reelforge.provider.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Style;

/** Script replies as an LLM would write them, for the script writer tests of every adapter. */
public final class ScriptFixtures {
    public static final Brief BRIEF = new Brief("Intelligence Artificielle", 36, Style.INFORMATIVE, Language.FR,
            Mode.NATIVE_AUDIO);

    private ScriptFixtures() {
    }

    /** A French script with {@code blocks} blocks of {@code duration} seconds each. */
    public static String script(int blocks, int duration) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("title", "L'IA en 36 secondes")
                .put("style_guide", "A friendly robot in a bright lab, teal and orange palette, handheld camera");
        ArrayNode items = root.putArray("blocks");
        for (int i = 1; i <= blocks; i++) {
            items.addObject().put("index", i).put("duration", duration)
                    .put("visual_prompt", "The robot shows hologram number " + i)
                    .put("spoken_text", "Voici une idée simple sur la machine et le monde, numéro " + i + ".")
                    .putNull("on_screen_text");
        }
        return root.toString();
    }

    public static String adapted(int blocks) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode items = root.putArray("blocks");
        for (int i = 1; i <= blocks; i++) {
            items.addObject().put("index", i).put("spoken_text", "Voici le bloc numéro un, dit pour la voix.");
        }
        return root.toString();
    }
}

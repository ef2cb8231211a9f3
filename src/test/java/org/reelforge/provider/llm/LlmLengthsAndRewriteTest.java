package org.reelforge.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter.Brief;
import org.reelforge.provider.ScriptWriter.RewrittenBlock;
import org.reelforge.video.Block;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Style;

class LlmLengthsAndRewriteTest {
    private static final class ScriptedChat implements LlmChat {
        final Deque<String> replies = new ArrayDeque<>();
        final List<Request> requests = new ArrayList<>();

        ScriptedChat reply(String text) {
            replies.add(text);
            return this;
        }

        @Override
        public Reply complete(Request request) {
            requests.add(request);
            return new Reply(replies.remove(), false, List.of(new ProviderCall("m", request.operation(), 10, "input_token")));
        }
    }

    private static final Brief OMNI = new Brief("Les volcans", 36, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO,
            ClipLengths.range(3, 10));

    @Test
    void theClipModelsLengthsReachThePromptTheSchemaAndTheValidation() {
        String fiveOfSeven = ScriptFixtures.script(5, 7).replaceFirst("\"duration\":7", "\"duration\":8");
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.script(3, 12)).reply(fiveOfSeven);

        new LlmScriptWriter("t", "m", chat).write(OMNI);

        LlmChat.Request first = chat.requests.get(0);
        assertThat(first.system()).contains("block durations are whole seconds from 3 to 10");
        assertThat(first.turns().get(0).text()).contains("Allowed block durations: 3–10 s", "e.g. of 8, 7, 7, 7, 7 seconds");
        com.fasterxml.jackson.databind.JsonNode duration = first.schema().path("properties").path("blocks").path("items")
                .path("properties").path("duration");
        assertThat(duration.path("minimum").asInt()).isEqualTo(3);
        assertThat(duration.path("maximum").asInt()).isEqualTo(10);
        assertThat(duration.has("enum")).isFalse();
        assertThat(chat.requests.get(1).turns().get(2).text()).contains("must be 3–10 s");
    }

    @Test
    void aRefusedBlockIsRewrittenInItsPictureAndItsSpeechWithTheStyleGuideAsContext() {
        Block refused = new Block(2, 8, "Mickey Mouse fires a gun at a volcano", "Mickey dit bang sur le volcan.", null);
        ScriptedChat chat = new ScriptedChat().reply(
                "{\"visual_prompt\":\"A cartoon mouse-like explorer points at a glowing volcano\","
                        + "\"spoken_text\":\"Regardez ce volcan qui gronde au loin.\"}");

        RewrittenBlock r = new LlmScriptWriter("t", "m", chat).rewriteRefusedBlock(refused, "Basalt cliffs, orange lava",
                "third-party content", Language.FR);

        assertThat(r.block().index()).isEqualTo(2);
        assertThat(r.block().durationSeconds()).isEqualTo(8);
        assertThat(r.block().visualPrompt()).doesNotContain("Mickey");
        assertThat(r.block().spokenText()).isEqualTo("Regardez ce volcan qui gronde au loin.");
        assertThat(r.calls()).extracting(ProviderCall::operation).containsExactly("rewrite");
        String asked = chat.requests.get(0).turns().get(0).text();
        assertThat(asked).contains("third-party content", "Basalt cliffs, orange lava", "Mickey dit bang");
        assertThat(chat.requests.get(0).schema().path("required").toString()).contains("visual_prompt", "spoken_text");
    }

    @Test
    void aRewriteThatChangesNothingOrSpeaksTheWrongLanguageIsRepairedThenFailsPermanentWithItsCost() {
        Block refused = new Block(1, 4, "A violent scene", "Une scène violente.", null);
        String same = "{\"visual_prompt\":\"A violent scene\",\"spoken_text\":\"Une scène violente.\"}";
        ScriptedChat chat = new ScriptedChat().reply(same).reply(same);

        assertThatThrownBy(() -> new LlmScriptWriter("t", "m", chat).rewriteRefusedBlock(refused, "", "usage", Language.FR))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("unchanged");
                    assertThat(e.calls()).hasSize(2);
                });
    }
}

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
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.ScriptWriter.Written;
import org.reelforge.video.Block;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

class LlmScriptWriterTest {
    /** Replies in order and remembers what it was asked. */
    private static final class ScriptedChat implements LlmChat {
        final Deque<Reply> replies = new ArrayDeque<>();
        final List<Request> requests = new ArrayList<>();
        ProviderException refusalAfterReplies;

        ScriptedChat reply(String text) {
            replies.add(new Reply(text, false, List.of(new ProviderCall("m", "script", 10, "input_token"))));
            return this;
        }

        @Override
        public Reply complete(Request request) {
            requests.add(request);
            if (replies.isEmpty() && refusalAfterReplies != null) {
                throw refusalAfterReplies;
            }
            return replies.remove();
        }
    }

    @Test
    void validReplyNeedsOneCall() {
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.script(6, 6));

        Written written = new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF);

        assertThat(written.script().blocks()).hasSize(6);
        assertThat(written.script().totalDurationSeconds()).isEqualTo(36);
        assertThat(chat.requests).hasSize(1);
    }

    @Test
    void theModelsKeywordsBecomeTheBlocksEmphasisAndWordsItMadeUpAreDropped() {
        String reply = ScriptFixtures.script(6, 6).replaceFirst("\"on_screen_text\":null",
                "\"on_screen_text\":null,\"emphasis\":[\"machine\",\"Monde\",\"licorne\",\"  \"]");
        ScriptedChat chat = new ScriptedChat().reply(reply);

        Written written = new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF);

        assertThat(written.script().blocks().get(0).emphasis()).containsExactly("machine", "Monde");
        assertThat(written.script().blocks().get(1).emphasis()).as("absent: none").isEmpty();
        assertThat(chat.requests).hasSize(1);
        assertThat(chat.requests.get(0).schema().toString()).contains("\"emphasis\"");
        assertThat(chat.requests.get(0).system()).contains("emphasis lists");
    }

    @Test
    void wrongLanguageIsRepairedOnce() {
        String english = ScriptFixtures.script(6, 6).replaceAll("Voici une idée simple sur la machine et le monde",
                "This is the simple idea of the machine and the world that we have");
        ScriptedChat chat = new ScriptedChat().reply(english).reply(ScriptFixtures.script(6, 6));

        new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF);

        assertThat(chat.requests.get(1).turns().get(2).text()).contains("reads as English");
    }

    @Test
    void durationsFarFromTheTargetAreRepairedAndFailPermanentTheSecondTime() {
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.script(2, 4)).reply(ScriptFixtures.script(2, 4));

        assertThatThrownBy(() -> new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("still invalid after one repair").contains("add up to 8 s");
                });
        assertThat(chat.requests).hasSize(2);
    }

    @Test
    void unrepairableReplyCarriesTheTokensOfBothCallsForTheLedger() {
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.script(2, 4)).reply(ScriptFixtures.script(2, 4));

        assertThatThrownBy(() -> new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.calls()).hasSize(2));
    }

    @Test
    void refusalOfTheRepairCarriesTheTokensOfTheFirstCallAndItsOwn() {
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.script(2, 4));
        chat.refusalAfterReplies = ProviderException.refused("t", null, "SAFETY")
                .withCalls(List.of(new ProviderCall("m", "script", 7, "input_token")));

        assertThatThrownBy(() -> new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.calls()).extracting(ProviderCall::units).containsExactly(10.0, 7.0);
                });
    }

    @Test
    void tooManyWordsForABlockAreReported() {
        String wordy = ScriptFixtures.script(9, 4).replace("numéro 1.", "numéro un et puis encore beaucoup de mots");
        ScriptedChat chat = new ScriptedChat().reply(wordy).reply(ScriptFixtures.script(9, 4));

        new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF);

        assertThat(chat.requests.get(1).turns().get(2).text()).contains("blocks[1].spoken_text has 18 words");
    }

    @Test
    void adaptKeepsBlocksAndDurationsAndReplacesTheSpokenText() {
        Script script = new Script("T", "S", List.of(new Block(1, 8, "v", "Il y a 3 km.", null),
                new Block(2, 4, "w", "C'est 50 %.", null)));
        ScriptedChat chat = new ScriptedChat().reply(ScriptFixtures.adapted(2));

        Written adapted = new LlmScriptWriter("t", "m", chat).adaptForSpeech(script, Language.FR);

        assertThat(adapted.script().blocks()).extracting(Block::durationSeconds).containsExactly(8, 4);
        assertThat(adapted.script().blocks()).extracting(Block::spokenText)
                .containsOnly("Voici le bloc numéro un, dit pour la voix.");
        assertThat(chat.requests.get(0).operation()).isEqualTo("adapt");
    }

    @Test
    void fencedJsonFromALooseModelIsAccepted() {
        ScriptedChat chat = new ScriptedChat().reply("```json\n" + ScriptFixtures.script(6, 6) + "\n```");

        assertThat(new LlmScriptWriter("t", "m", chat).write(ScriptFixtures.BRIEF).script().blocks()).hasSize(6);
    }
}

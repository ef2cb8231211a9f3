package org.reelforge.provider.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.reelforge.provider.ProviderCall;

/**
 * One structured-output completion from a chat LLM (Gemini generateContent, OpenAI-compatible chat
 * completions). The adapter sends the conversation with the JSON schema its API understands and returns
 * the reply text as is; {@link LlmScriptWriter} parses and validates it. Blocking, thread-safe.
 * A content refusal is thrown as a {@code ProviderException} of kind REFUSED; other failures as classified
 * by the HTTP edge.
 */
public interface LlmChat {
    Reply complete(Request request);

    enum Role { USER, MODEL }

    record Turn(Role role, String text) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param operation what the call is for, used as {@link ProviderCall#operation()}: script, adapt, rewrite
     * @param schema    the reply's JSON Schema in strict form (every property required, no additional properties,
     *                  nullable as {@code ["string","null"]}); adapters convert it to their API's dialect
     */
    record Request(String operation, String system, List<Turn> turns, String schemaName, JsonNode schema) {
        public Request {
            turns = List.copyOf(turns);
        }
    }

    /**
     * @param text      the JSON text the model wrote (possibly invalid: it is validated by the caller)
     * @param truncated true when the model stopped at its output token limit
     * @param calls     tokens billed for this call
     */
    record Reply(String text, boolean truncated, List<ProviderCall> calls) {
        public Reply {
            text = text == null ? "" : text;
            calls = List.copyOf(calls);
        }
    }
}

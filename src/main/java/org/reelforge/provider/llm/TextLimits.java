package org.reelforge.provider.llm;

/**
 * How to ask a text model for a long structured reply.
 *
 * @param outputTokenLimit the most the model can write in one reply
 * @param maxOutputTokens  what we ask for ({@code maxOutputTokens}): room for a 180 s script and the model's thinking
 * @param thinkingLevel    Gemini 3.x {@code thinkingConfig.thinkingLevel} (e.g. {@code low}), or null
 * @param thinkingBudget   Gemini 2.5 {@code thinkingConfig.thinkingBudget} in tokens, or null
 * @param temperature      whether the model still takes {@code temperature} (deprecated from Gemini 3.6 on)
 */
public record TextLimits(int outputTokenLimit, int maxOutputTokens, String thinkingLevel, Integer thinkingBudget,
                         boolean temperature) {
    /** For a model the catalog does not know: a modest reply size, no thinking settings, no temperature. */
    public static final TextLimits UNKNOWN = new TextLimits(8192, 8192, null, null, false);

    public TextLimits {
        if (maxOutputTokens < 1 || maxOutputTokens > outputTokenLimit) {
            throw new IllegalArgumentException("max_output_tokens must be 1–output_token_limit (" + outputTokenLimit
                    + "), got " + maxOutputTokens);
        }
    }
}

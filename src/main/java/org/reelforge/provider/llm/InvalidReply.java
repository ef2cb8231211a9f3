package org.reelforge.provider.llm;

import java.util.List;

/** An LLM reply that does not make a valid script (or rewrite); the errors are sent back once to repair it. */
final class InvalidReply extends RuntimeException {
    private final List<String> errors;

    InvalidReply(List<String> errors) {
        super(String.join("; ", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    InvalidReply(String error) {
        this(List.of(error));
    }

    List<String> errors() {
        return errors;
    }
}

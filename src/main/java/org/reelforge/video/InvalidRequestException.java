package org.reelforge.video;

import org.reelforge.ReelForgeException;

/** Input that breaks a rule; names the field and the rule so a person can fix it. */
public final class InvalidRequestException extends ReelForgeException {
    private final String field;
    private final String rule;

    public InvalidRequestException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}

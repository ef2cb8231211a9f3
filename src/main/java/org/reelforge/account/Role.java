package org.reelforge.account;

import java.util.Locale;
import org.reelforge.video.InvalidRequestException;

/** What a user may do: an admin sees every video, creates users and runs the monitor; a user sees their own videos. */
public enum Role {
    ADMIN, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin} or {@code user}; anything else is an invalid {@code field}. */
    public static Role parse(String field, String value) {
        for (Role r : values()) {
            if (r.wireName().equals(value)) {
                return r;
            }
        }
        throw new InvalidRequestException(field, "must be admin or user (got \"" + value + "\")");
    }
}

package org.reelforge.video;

import java.util.Locale;

/** Parses the lower-case wire names of our enums with errors that name the field and the choices. */
final class Wire {
    private Wire() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required; one of " + Style.allowed(type));
        }
        String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new InvalidRequestException(field, "must be one of " + Style.allowed(type) + " (got \"" + Text.preview(value) + "\")");
    }
}

package org.reelforge.video;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Tone of the script. */
public enum Style {
    INFORMATIVE, STORYTELLING, HUMOROUS, DRAMATIC, EDUCATIONAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Style parse(String field, String value) {
        return Wire.parse(Style.class, field, value);
    }

    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}

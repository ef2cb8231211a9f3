package org.reelforge.video;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A BCP-47 language tag that ReelForge can write, speak and caption. The primary subtag decides
 * everything we do; a region (fr-CA, en-GB) is kept for providers that care.
 */
public record Language(String tag) {
    public static final Set<String> SUPPORTED = Set.of("fr", "en");
    private static final Pattern BCP47 = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    public static final Language FR = new Language("fr");
    public static final Language EN = new Language("en");

    public Language {
        if (tag == null || !BCP47.matcher(tag).matches()) {
            throw new InvalidRequestException("language", "must be a BCP-47 code such as fr or en-US (got \""
                    + (tag == null ? "" : Text.preview(tag)) + "\")");
        }
        String primary = tag.split("-")[0].toLowerCase(Locale.ROOT);
        if (!SUPPORTED.contains(primary)) {
            throw new InvalidRequestException("language", "must be one of fr, en (got \"" + Text.preview(tag) + "\")");
        }
    }

    public static Language of(String tag) {
        return new Language(tag);
    }

    /** The primary subtag, lower case: "fr" for fr-CA. */
    public String code() {
        return tag.split("-")[0].toLowerCase(Locale.ROOT);
    }

    public boolean isFrench() {
        return code().equals("fr");
    }

    @Override
    public String toString() {
        return tag;
    }
}

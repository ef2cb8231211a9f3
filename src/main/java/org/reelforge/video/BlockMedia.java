package org.reelforge.video;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person's own file used for one block instead of a generated clip (at no provider cost): a video, looped or cut to
 * the block's length, or a still image, slowly zoomed. The file itself is an artifact of the video, named by {@code id}.
 *
 * @param id        {@code med_} + 16 hex digits, made when the file was received
 * @param name      the file's name as the person gave it, shown only (never a path)
 * @param keepSound a video's own sound is kept under the speech (false: silent); images have none
 */
public record BlockMedia(String id, Kind kind, String name, boolean keepSound) {
    public static final int MAX_NAME_CHARS = 120;
    private static final Pattern ID = Pattern.compile("med_[0-9a-f]{16}");

    /** What the file is. */
    public enum Kind {
        VIDEO, IMAGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String field, String value) {
            for (Kind k : values()) {
                if (k.wireName().equals(value)) {
                    return k;
                }
            }
            throw new InvalidRequestException(field, "must be video or image (got \"" + Text.preview(value) + "\")");
        }
    }

    public BlockMedia {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException("media.id", "must be a media id med_… given when the file was uploaded"
                    + " (got \"" + (id == null ? "" : Text.preview(id)) + "\")");
        }
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : clean(name);
        keepSound = keepSound && kind == Kind.VIDEO;
    }

    private static String clean(String name) {
        StringBuilder s = new StringBuilder();
        name.strip().codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '/' && cp != '\\')
                .limit(MAX_NAME_CHARS).forEach(s::appendCodePoint);
        return s.toString();
    }
}

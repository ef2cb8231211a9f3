package org.reelforge.video;

import java.util.regex.Pattern;

/**
 * The music bed of a video: none, a mood of the installation's music library (a track of that mood is picked, the same
 * one for every assembly of the video), or one track by id; and its volume.
 *
 * @param source        {@code music}: {@code none}, {@code mood:NAME} (lower-case letters, digits, '-', at most 32) or
 *                      {@code trk_} + 16 hex digits
 * @param volumePercent {@code music_volume}: 0–200, 100 places the bed {@code 8 LU} under the voice
 */
public record Music(String source, int volumePercent) {
    private static final Pattern SOURCE = Pattern.compile("none|mood:[a-z0-9][a-z0-9-]{0,31}|trk_[0-9a-f]{16}");
    public static final int MAX_VOLUME = 200;
    public static final Music NONE = new Music("none", 100);

    public Music {
        source = source == null || source.isBlank() ? "none" : source.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidRequestException("music", "must be none, mood:NAME (lower-case letters, digits or '-') or a"
                    + " track id trk_… from the music library (got \"" + Text.preview(source) + "\")");
        }
        if (volumePercent < 0 || volumePercent > MAX_VOLUME) {
            throw new InvalidRequestException("music_volume", "must be from 0 to " + MAX_VOLUME + " (got " + volumePercent + ")");
        }
    }

    public boolean isNone() {
        return source.equals("none");
    }

    /** The mood asked for, or null when the source is not a mood. */
    public String mood() {
        return source.startsWith("mood:") ? source.substring(5) : null;
    }

    /** The track asked for, or null when the source is not a track id. */
    public String trackId() {
        return source.startsWith("trk_") ? source : null;
    }
}

package org.reelforge.artifact;

import java.util.regex.Pattern;
import org.reelforge.video.VideoId;

/**
 * Where an artifact lives in an {@link ArtifactStore}, as a relative key such as {@code videos/<id>/clips/block_3.mp4}:
 * the same layout as the local data directory, so the filesystem adapter keeps today's files where they are and an S3
 * bucket mirrors it under its prefix. Segments are letters, digits, {@code . _ -}; never empty, {@code .} or {@code ..},
 * so a key cannot climb out of its root or name a directory.
 */
public record ArtifactKey(String value) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final String VIDEOS = "videos/";

    public ArtifactKey {
        if (value == null || value.isEmpty() || value.length() > 512) {
            throw new IllegalArgumentException("an artifact key must be 1–512 characters (got " + describe(value) + ")");
        }
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.endsWith(".")) {
                throw new IllegalArgumentException("artifact key " + describe(value) + " has a bad segment \"" + segment
                        + "\": segments are letters, digits, '.', '_' or '-', not starting with '.' or '-'");
            }
        }
    }

    /** The folder of one video's objects, with its trailing slash: {@code videos/<id>/}. */
    public static String videoPrefix(VideoId id) {
        return VIDEOS + id.value() + "/";
    }

    public static ArtifactKey of(VideoId id, String relative) {
        return new ArtifactKey(videoPrefix(id) + relative);
    }

    public static ArtifactKey scriptJson(VideoId id) {
        return of(id, "script.json");
    }

    public static ArtifactKey clip(VideoId id, int block) {
        return of(id, "clips/block_" + requireBlock(block) + ".mp4");
    }

    public static ArtifactKey voiceOver(VideoId id, int block) {
        return of(id, "audio/block_" + requireBlock(block) + ".wav");
    }

    /** The word timings beside a voice-over. */
    public static ArtifactKey voiceWords(VideoId id, int block) {
        return of(id, "audio/block_" + requireBlock(block) + ".words.json");
    }

    public static ArtifactKey finalVideo(VideoId id) {
        return of(id, "final.mp4");
    }

    public static ArtifactKey thumbnail(VideoId id) {
        return of(id, "thumbnail.jpg");
    }

    public static ArtifactKey captionsAss(VideoId id) {
        return of(id, "captions.ass");
    }

    public static ArtifactKey captionsSrt(VideoId id) {
        return of(id, "captions.srt");
    }

    /** A person's own file for a block, as received ({@code med_…}: see {@code BlockMedia}). */
    public static ArtifactKey media(VideoId id, String mediaId) {
        return of(id, "media/" + mediaId);
    }

    /** The caption words a person corrected, burned instead of the transcription until the clips change. */
    public static ArtifactKey editedCaptions(VideoId id) {
        return of(id, "captions.words.json");
    }

    /** The caption words of the last assembly (the transcription or the voice-over's timings), for editing. */
    public static ArtifactKey captionWords(VideoId id) {
        return of(id, "captions.timed.json");
    }

    /** The last segment, e.g. {@code block_3.mp4}. */
    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** True when this key belongs to the folder {@code prefix} (as made by {@link #videoPrefix}). */
    public boolean isUnder(String prefix) {
        return value.startsWith(prefix);
    }

    private static int requireBlock(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block numbers start at 1 (got " + block + ")");
        }
        return block;
    }

    private static String describe(String value) {
        return value == null ? "null" : "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }

    @Override
    public String toString() {
        return value;
    }
}

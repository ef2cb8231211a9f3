package org.reelforge.artifact;

import java.util.Locale;
import java.util.Map;

/** The content type of an artifact from its file name, as stored on S3 and answered over HTTP. */
final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4",
            "wav", "audio/wav",
            "jpg", "image/jpeg",
            "json", "application/json; charset=UTF-8",
            "ass", "text/x-ssa; charset=UTF-8",
            "srt", "application/x-subrip; charset=UTF-8");

    private MediaTypes() {
    }

    static String of(ArtifactKey key) {
        String name = key.fileName();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}

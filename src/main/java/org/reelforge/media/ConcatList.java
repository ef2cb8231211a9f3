package org.reelforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An ffconcat playlist: ffmpeg reads its files one after the other as one stream, each cut to a window and
 * placed at a fixed position on the timeline. Reading inputs in turn (instead of decoding every clip at once
 * in a filter graph) keeps the render's memory flat whatever the number of blocks.
 */
final class ConcatList {
    /** One file's window: from {@code offsetMillis}, {@code durationMillis} long, exactly that long on the timeline. */
    record Entry(Path file, long offsetMillis, long durationMillis) {
    }

    private ConcatList() {
    }

    static Path write(List<Entry> entries, Path target) {
        StringBuilder s = new StringBuilder("ffconcat version 1.0\n");
        for (Entry e : entries) {
            s.append("file ").append(quote("file:" + e.file().toAbsolutePath())).append('\n');
            s.append("inpoint ").append(seconds(e.offsetMillis())).append('\n');
            s.append("outpoint ").append(seconds(e.offsetMillis() + e.durationMillis())).append('\n');
            s.append("duration ").append(seconds(e.durationMillis())).append('\n');
        }
        try {
            return Files.writeString(target, s, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new MediaException("could not write the playlist " + target + ": " + ex.getMessage(), ex);
        }
    }

    /** ffconcat's quoting: inside single quotes everything is literal; a single quote itself is '\''. */
    static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}

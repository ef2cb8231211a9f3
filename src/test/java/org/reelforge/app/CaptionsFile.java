package org.reelforge.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an SRT file back as a person's player would: cues with times and their words. */
record CaptionsFile(List<Cue> cues) {
    record Cue(long startMillis, long endMillis, String text) {
    }

    private static final Pattern TIMES = Pattern.compile(
            "(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d)");

    static CaptionsFile readSrt(Path file) throws IOException {
        List<Cue> cues = new ArrayList<>();
        String[] blocks = Files.readString(file).replace("\r", "").split("\n\n");
        for (String block : blocks) {
            String[] lines = block.strip().split("\n");
            if (lines.length < 3) {
                continue;
            }
            Matcher m = TIMES.matcher(lines[1]);
            if (!m.matches()) {
                throw new IllegalStateException("bad SRT timing line: " + lines[1]);
            }
            cues.add(new Cue(millis(m, 1), millis(m, 5), String.join(" ", List.of(lines).subList(2, lines.length))));
        }
        return new CaptionsFile(cues);
    }

    private static long millis(Matcher m, int g) {
        return Long.parseLong(m.group(g)) * 3_600_000 + Long.parseLong(m.group(g + 1)) * 60_000
                + Long.parseLong(m.group(g + 2)) * 1000 + Long.parseLong(m.group(g + 3));
    }

    List<String> words() {
        return cues.stream().flatMap(c -> List.of(c.text().split("\\s+")).stream()).filter(w -> !w.isBlank()).toList();
    }
}

package org.reelforge.video;

import java.time.Duration;

/** Durations as people write them: "45 s", "20 min", "1 h 30 min", "500 ms" — never "0 min". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 60) {
            return s + " s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long rest = s % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.length() > 0 ? " " : "").append(m).append(" min");
        }
        if (rest > 0 && h == 0) {
            out.append(" ").append(rest).append(" s");
        }
        return out.toString();
    }
}

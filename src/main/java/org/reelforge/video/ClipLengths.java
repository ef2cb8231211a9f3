package org.reelforge.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The clip lengths a video model can make, in whole seconds: a few fixed lengths (Veo: 4, 6 or 8 s) or every
 * length of a range (Gemini Omni Flash: 3–10 s). Script blocks take their durations from here, so a script always
 * fits the model that will render it.
 *
 * @param min  the shortest clip
 * @param max  the longest clip
 * @param only the allowed lengths in ascending order, or empty when every whole second from min to max is allowed
 */
public record ClipLengths(int min, int max, List<Integer> only) {
    /** The length a block aims at when the model allows it: long enough for a sentence, short enough to keep pace. */
    public static final int PREFERRED_SECONDS = 8;

    public ClipLengths {
        only = only == null ? List.of() : only.stream().distinct().sorted().toList();
        if (!only.isEmpty()) {
            min = only.get(0);
            max = only.get(only.size() - 1);
        }
        if (min < 1 || max < min || max > Block.MAX_DURATION) {
            throw new IllegalArgumentException("clip lengths must lie within 1–" + Block.MAX_DURATION
                    + " s with min ≤ max (got " + min + "–" + max + ")");
        }
    }

    /** Exactly these lengths (e.g. 4, 6, 8). */
    public static ClipLengths of(int... seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("at least one clip length is needed");
        }
        return new ClipLengths(0, 0, Arrays.stream(seconds).boxed().toList());
    }

    /** Every whole second from {@code min} to {@code max}. */
    public static ClipLengths range(int min, int max) {
        return new ClipLengths(min, max, List.of());
    }

    public boolean allows(int seconds) {
        return only.isEmpty() ? seconds >= min && seconds <= max : only.contains(seconds);
    }

    /** Every allowed length, ascending. */
    public List<Integer> values() {
        return only.isEmpty() ? IntStream.rangeClosed(min, max).boxed().toList() : only;
    }

    /** For messages: "4, 6 or 8 s", "3–10 s". */
    public String describe() {
        if (only.isEmpty()) {
            return min == max ? min + " s" : min + "–" + max + " s";
        }
        if (only.size() == 1) {
            return only.get(0) + " s";
        }
        String head = only.subList(0, only.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return head + " or " + only.get(only.size() - 1) + " s";
    }

    /**
     * Block lengths for a video of {@code targetSeconds}: as many blocks as blocks of about {@value #PREFERRED_SECONDS} s
     * need, each an allowed length, as even as possible, adding up to the target when the lengths allow it, else to
     * the nearest total (a tie goes to the longer video). Longer blocks come first, so the hook has room and the
     * closing line is short. Example: 4, 6 or 8 s and 36 s give 8, 8, 8, 6, 6; 3–10 s and 36 s give 8, 7, 7, 7, 7.
     */
    public List<Integer> plan(int targetSeconds) {
        if (targetSeconds < 1) {
            throw new IllegalArgumentException("target must be at least 1 s (got " + targetSeconds + ")");
        }
        int aim = values().stream().filter(v -> v <= PREFERRED_SECONDS).reduce((a, b) -> b).orElse(min);
        int count = Math.max(1, (targetSeconds + aim - 1) / aim);
        for (int delta = 0; ; delta++) {
            for (int total : new int[] {targetSeconds + delta, targetSeconds - delta}) {
                for (int n : new int[] {count, count + 1}) {
                    List<Integer> found = total < 1 ? null : evenSplit(total, n);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
    }

    /**
     * {@code count} allowed lengths adding up to {@code total} with the least spread around the mean (dynamic
     * programming over block count and running total), longest first; null when no combination adds up.
     */
    private List<Integer> evenSplit(int total, int count) {
        if (total < count * min || total > count * max) {
            return null;
        }
        List<Integer> allowed = values();
        long[][] cost = new long[count + 1][total + 1];
        int[][] choice = new int[count + 1][total + 1];
        for (long[] row : cost) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        cost[0][0] = 0;
        for (int i = 1; i <= count; i++) {
            for (int t = 0; t <= total; t++) {
                for (int v : allowed) {
                    if (v <= t && cost[i - 1][t - v] != Long.MAX_VALUE) {
                        long deviation = (long) v * count - total;
                        long c = cost[i - 1][t - v] + deviation * deviation;
                        if (c < cost[i][t]) {
                            cost[i][t] = c;
                            choice[i][t] = v;
                        }
                    }
                }
            }
        }
        if (cost[count][total] == Long.MAX_VALUE) {
            return null;
        }
        List<Integer> blocks = new ArrayList<>();
        for (int i = count, t = total; i > 0; t -= choice[i][t], i--) {
            blocks.add(choice[i][t]);
        }
        blocks.sort(Collections.reverseOrder());
        return List.copyOf(blocks);
    }
}

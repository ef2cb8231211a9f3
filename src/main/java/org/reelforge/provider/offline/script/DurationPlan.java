package org.reelforge.provider.offline.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoRequest;

/**
 * Cuts a target duration into clip lengths of 4, 6 or 8 seconds. Every even target of 8 s or more is
 * reached exactly; an odd one is one second off, rounded up (the tie goes to the longer video). Blocks of
 * 6–8 s are preferred (more speech per clip, fewer clips to pay for); a 4 s block appears only for 10 s.
 */
final class DurationPlan {
    private DurationPlan() {
    }

    /** Block durations in video order, longest first so the hook has room and the closing line is short. */
    static List<Integer> blocksFor(int targetSeconds) {
        if (targetSeconds < VideoRequest.MIN_DURATION || targetSeconds > VideoRequest.MAX_DURATION) {
            throw new InvalidRequestException("target_duration", "must be between " + VideoRequest.MIN_DURATION
                    + " and " + VideoRequest.MAX_DURATION + " seconds (got " + targetSeconds + ")");
        }
        int even = targetSeconds + targetSeconds % 2;
        List<Integer> blocks = new ArrayList<>(Collections.nCopies(even / 8, 8));
        switch (even % 8) {
            case 2 -> replaceEights(blocks, 2, List.of(6, 6, 6), List.of(6, 4));
            case 4 -> replaceEights(blocks, 1, List.of(6, 6), List.of(4));
            case 6 -> blocks.add(6);
            default -> { }
        }
        return List.copyOf(blocks);
    }

    /** Trades {@code count} eights plus the remainder for {@code sixes}, or adds {@code fallback} when short of eights. */
    private static void replaceEights(List<Integer> blocks, int count, List<Integer> sixes, List<Integer> fallback) {
        if (blocks.size() < count) {
            blocks.clear();
            blocks.addAll(fallback);
            return;
        }
        blocks.subList(blocks.size() - count, blocks.size()).clear();
        blocks.addAll(sixes);
    }
}

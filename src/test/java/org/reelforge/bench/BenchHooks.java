package org.reelforge.bench;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.media.Assembler;

/** What the benchmark does per clip as it arrives: the assembler's per-clip preparation, timed. */
final class BenchHooks {
    private BenchHooks() {
    }

    /** @return milliseconds spent preparing every clip, as the engine would when each arrives */
    static long prepareEach(Assembler assembler, List<Assembler.Input> inputs, Path work) {
        long t0 = System.nanoTime();
        for (Assembler.Input input : inputs) {
            assembler.prepareClip(input, work);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

package org.reelforge.bench;

import java.nio.file.Path;
import java.util.List;
import org.reelforge.media.Assembler;

/** What the benchmark does per clip as it arrives (nothing before the assembler could prepare clips). */
final class BenchHooks {
    private BenchHooks() {
    }

    /** @return milliseconds spent */
    static long prepareEach(Assembler assembler, List<Assembler.Input> inputs, Path work) {
        return 0;
    }
}

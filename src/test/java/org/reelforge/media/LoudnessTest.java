package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessTest {
    @Test
    void readsTheSummaryOfEbur128() {
        List<String> stderr = List.of("[Parsed_ebur128_0 @ 0x1] Summary:", "", "  Integrated loudness:",
                "    I:         -14.1 LUFS", "    Threshold: -24.4 LUFS", "", "  Loudness range:", "    LRA:         0.0 LU",
                "", "  True peak:", "    Peak:       -4.3 dBFS");
        Loudness loudness = Loudness.parseEbur128(stderr);
        assertThat(loudness.integratedLufs()).isEqualTo(-14.1);
        assertThat(loudness.truePeakDbtp()).isEqualTo(-4.3);
        assertThat(loudness.rangeLu()).isEqualTo(0.0);
    }
}

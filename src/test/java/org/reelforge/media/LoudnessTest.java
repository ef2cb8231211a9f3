package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessTest {
    @Test
    void readsTheInputMeasurementOfLoudnormsJson() {
        List<String> stderr = List.of("[Parsed_loudnorm_12 @ 0x55] ", "{", "\t\"input_i\" : \"-27.61\",",
                "\t\"input_tp\" : \"-18.02\",", "\t\"input_lra\" : \"2.10\",", "\t\"input_thresh\" : \"-37.70\",",
                "\t\"output_i\" : \"-14.20\",", "\t\"output_tp\" : \"-4.40\",", "\t\"output_lra\" : \"1.90\",",
                "\t\"output_thresh\" : \"-24.30\",", "\t\"normalization_type\" : \"dynamic\",",
                "\t\"target_offset\" : \"0.20\"", "}");
        assertThat(Loudness.parseLoudnorm(stderr, false)).isEqualTo(new Loudness(-27.61, -18.02, 2.10, -37.70, 0.20));
        assertThat(Loudness.parseLoudnorm(stderr, true).integratedLufs()).isEqualTo(-14.20);
    }

    @Test
    void silenceIsNotAudibleAndIsLeftAlone() {
        List<String> stderr = List.of("[Parsed_loudnorm_0 @ 0x1]", "{", "\"input_i\" : \"-inf\",", "\"input_tp\" : \"-inf\",",
                "\"input_lra\" : \"0.00\",", "\"input_thresh\" : \"-70.00\",", "\"target_offset\" : \"inf\"", "}");
        Loudness silence = Loudness.parseLoudnorm(stderr, false);
        assertThat(silence.isAudible()).isFalse();
        assertThat(FfmpegAssembler.loudnorm(silence)).isEqualTo("anull");
    }

    @Test
    void secondPassUsesTheMeasuredValuesLinearly() {
        String filter = FfmpegAssembler.loudnorm(new Loudness(-27.61, -18.02, 2.10, -37.70, 0.20));
        assertThat(filter).contains("I=-14.0", "TP=-2.0", "measured_I=-27.61", "measured_TP=-18.02",
                "measured_thresh=-37.70", "offset=0.20", "linear=true");
    }

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

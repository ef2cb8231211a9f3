package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void readsVideoAndAudioStreamsFromFfprobeJson() {
        Probe probe = Probe.parse("""
                {"streams": [
                  {"codec_type": "video", "codec_name": "h264", "profile": "High", "width": 1080, "height": 1920,
                   "avg_frame_rate": "30000/1001"},
                  {"codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "channels": 2}],
                 "format": {"duration": "36.021000"}}""");
        assertThat(probe).isEqualTo(new Probe(36_021, 1080, 1920, "h264", "High", "aac", 48_000, 2, 30000.0 / 1001));
        assertThat(probe.fps()).isCloseTo(29.97, within(0.01));
    }

    @Test
    void aFileWithoutAudioHasNoAudioCodec() {
        Probe probe = Probe.parse("""
                {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 640, "height": 360,
                  "avg_frame_rate": "25/1"}], "format": {"duration": "2.0"}}""");
        assertThat(probe.hasAudio()).isFalse();
        assertThat(probe.hasVideo()).isTrue();
        assertThat(probe.sampleRate()).isZero();
    }
}

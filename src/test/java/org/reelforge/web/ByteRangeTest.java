package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void firstBytes() {
        ByteRange r = ByteRange.parse("bytes=0-99", 1000).orElseThrow();

        assertThat(r.length()).isEqualTo(100);
        assertThat(r.contentRange()).isEqualTo("bytes 0-99/1000");
    }

    @Test
    void middleRange() {
        assertThat(ByteRange.parse("bytes=200-299", 1000).orElseThrow().contentRange()).isEqualTo("bytes 200-299/1000");
    }

    @Test
    void openEndedRangeRunsToTheEnd() {
        assertThat(ByteRange.parse("bytes=900-", 1000).orElseThrow().contentRange()).isEqualTo("bytes 900-999/1000");
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(ByteRange.parse("bytes=-100", 1000).orElseThrow().contentRange()).isEqualTo("bytes 900-999/1000");
        assertThat(ByteRange.parse("bytes=-5000", 1000).orElseThrow().contentRange()).isEqualTo("bytes 0-999/1000");
    }

    @Test
    void endPastTheFileIsClamped() {
        assertThat(ByteRange.parse("bytes=500-5000", 1000).orElseThrow().contentRange()).isEqualTo("bytes 500-999/1000");
    }

    @Test
    void startPastTheEndIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class)
                .extracting(e -> ((ByteRange.Unsatisfiable) e).contentRange()).isEqualTo("bytes */1000");
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void malformedMultipleAndForeignRangesMeanTheWholeFile() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=5-2", "items=0-1", "bytes=0-1,5-6",
                "bytes=abc", "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parse(header, 1000)).as(header).isEmpty();
        }
    }
}

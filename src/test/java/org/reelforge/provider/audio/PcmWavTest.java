package org.reelforge.provider.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcmWavTest {
    @Test
    void writtenFileReadsBackTheSameFormatAndSamples() {
        byte[] samples = {1, 2, 3, 4, 5, 6};
        PcmWav wav = new PcmWav(24_000, 1, 16, samples);

        PcmWav read = PcmWav.parse(wav.toBytes()).orElseThrow();

        assertThat(read.sampleRate()).isEqualTo(24_000);
        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.bitsPerSample()).isEqualTo(16);
        assertThat(read.data()).isEqualTo(samples);
        assertThat(wav.toBytes()).hasSize(44 + 6);
    }

    @Test
    void splitPiecesFitTheLimitAndKeepEverySampleInOrder() {
        byte[] samples = new byte[1_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) i;
        }
        PcmWav wav = new PcmWav(8_000, 2, 16, samples);

        List<PcmWav> pieces = wav.split(44 + 300);

        assertThat(pieces).allSatisfy(p -> assertThat(p.toBytes().length).isLessThanOrEqualTo(344));
        assertThat(pieces).allSatisfy(p -> assertThat(p.data().length % 4).isZero());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces.forEach(p -> joined.writeBytes(p.data()));
        assertThat(joined.toByteArray()).isEqualTo(samples);
    }

    @Test
    void chunksBeforeTheDataAreSkippedAndNonWavIsRefused() {
        byte[] plain = new PcmWav(16_000, 1, 16, new byte[] {9, 9}).toBytes();
        ByteBuffer list = ByteBuffer.allocate(8 + 3 + 1).order(ByteOrder.LITTLE_ENDIAN);
        list.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(3).put(new byte[] {1, 2, 3, 0});
        ByteArrayOutputStream withList = new ByteArrayOutputStream();
        withList.writeBytes(Arrays.copyOfRange(plain, 0, 36));
        withList.writeBytes(list.array());
        withList.writeBytes(Arrays.copyOfRange(plain, 36, plain.length));

        assertThat(PcmWav.parse(withList.toByteArray()).orElseThrow().data()).containsExactly(9, 9);
        assertThat(PcmWav.parse("ID3 not a wav file".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}

package org.reelforge.provider.offline.clips;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClipLookTest {
    @Test
    void colourWordsInEnglishOrFrenchSetThePalette() {
        assertThat(ClipLook.fromPrompt("A RED car under a blue sky").palette()).startsWith("e02424", "2a6fdb");
        assertThat(ClipLook.fromPrompt("Des champs dorés et des arbres verts").palette()).startsWith("d4a62a", "2eb84b");
        assertThat(ClipLook.fromPrompt("une mer turquoise").palette().get(0)).isEqualTo("17a9a1");
    }

    @Test
    void withoutColourWordsThePaletteComesFromThePromptHash() {
        ClipLook one = ClipLook.fromPrompt("a quiet library at dawn");
        assertThat(ClipLook.fromPrompt("a quiet library at dawn")).isEqualTo(one);
        assertThat(ClipLook.fromPrompt("a busy market at noon").palette()).isNotEqualTo(one.palette());
    }

    @Test
    void motionFollowsTheFirstKeyword() {
        assertThat(ClipLook.fromPrompt("camera zooms in on the robot").motion()).isEqualTo(Motion.ZOOM_IN);
        assertThat(ClipLook.fromPrompt("zoom arrière sur la ville").motion()).isEqualTo(Motion.ZOOM_OUT);
        assertThat(ClipLook.fromPrompt("slow pan left over hills, then rise").motion()).isEqualTo(Motion.PAN_LEFT);
        assertThat(ClipLook.fromPrompt("une spirale de lumière").motion()).isEqualTo(Motion.ROTATE);
        assertThat(ClipLook.fromPrompt("the sunrise enterprise").motion()).isNotEqualTo(Motion.RISE);
    }

    @Test
    void aContinuedLookKeepsPaletteMotionAndShapesAndMovesItsPhase() {
        ClipLook look = ClipLook.fromPrompt("purple pulse");
        ClipLook next = look.continued(8).continued(6);
        assertThat(next.palette()).isEqualTo(look.palette());
        assertThat(next.motion()).isEqualTo(Motion.PULSE);
        assertThat(next.seed()).isEqualTo(look.seed());
        assertThat(next.phaseSeconds()).isEqualTo(14.0);
    }
}

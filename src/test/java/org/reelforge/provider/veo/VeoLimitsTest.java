package org.reelforge.provider.veo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.replica.Models;
import org.reelforge.video.ClipStrategy;

class VeoLimitsTest {
    private static final ClipCapabilities VERTEX = Models.clip("vertex", "veo-3.1-fast-generate-001");

    @Test
    void anExtendPlanOfOneClipAndSevenSecondExtensionsUpToThirtySevenSecondsPasses() {
        assertThatCode(() -> VeoLimits.check("vertex-veo", VERTEX, List.of(8, 7, 7, 7, 7), ClipStrategy.EXTEND))
                .doesNotThrowAnyException();
        assertThatCode(() -> VeoLimits.check("vertex-veo", VERTEX, List.of(8, 8, 6, 4), ClipStrategy.PARALLEL))
                .doesNotThrowAnyException();
    }

    @Test
    void anExtendPlanPastThirtySevenSecondsIsRefusedWithAUsageMessageBeforeAnything() {
        assertThatThrownBy(() -> VeoLimits.check("vertex-veo", VERTEX, List.of(8, 7, 7, 7, 7, 7), ClipStrategy.EXTEND))
                .isInstanceOfSatisfying(ProviderException.class, e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .contains("reaches at most 37 s", "needs 43 s", "--clip-strategy parallel or anchored", "Nothing was paid"));
    }

    @Test
    void anExtensionBlockThatIsNotSevenSecondsIsRefusedNamingTheBlock() {
        assertThatThrownBy(() -> VeoLimits.check("vertex-veo", VERTEX, List.of(8, 8, 8), ClipStrategy.EXTEND))
                .hasMessageContaining("block 2 lasts 8 s").hasMessageContaining("adds 7 s");
        assertThatThrownBy(() -> VeoLimits.check("vertex-veo", VERTEX, List.of(5, 7), ClipStrategy.EXTEND))
                .hasMessageContaining("block 1 lasts 5 s").hasMessageContaining("4, 6 or 8 s");
    }
}

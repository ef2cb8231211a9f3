package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AspectTest {
    @Test
    void eachFormatHasItsFrameSize() {
        assertThat(Aspect.parse("aspect", "9:16")).isEqualTo(Aspect.PORTRAIT);
        assertThat(Aspect.PORTRAIT.width()).isEqualTo(1080);
        assertThat(Aspect.PORTRAIT.height()).isEqualTo(1920);
        assertThat(Aspect.parse("aspect", "1:1").width()).isEqualTo(1080);
        assertThat(Aspect.SQUARE.height()).isEqualTo(1080);
        assertThat(Aspect.parse("aspect", " 16:9 ").width()).isEqualTo(1920);
        assertThat(Aspect.LANDSCAPE.height()).isEqualTo(1080);
    }

    @Test
    void thePortraitSafeAreaIsTikToksAndEverySafeAreaLeavesMostOfTheFrame() {
        assertThat(new int[] {Aspect.PORTRAIT.safeTop(), Aspect.PORTRAIT.safeBottom(), Aspect.PORTRAIT.safeLeft(),
                Aspect.PORTRAIT.safeRight()}).containsExactly(160, 440, 60, 120);
        for (Aspect a : Aspect.values()) {
            assertThat(a.safeTop() + a.safeBottom()).isLessThan(a.height() / 2);
            assertThat(a.safeLeft() + a.safeRight()).isLessThan(a.width() / 4);
            assertThat(a.captionSize()).isBetween(40, 60);
        }
    }

    @Test
    void anUnknownFormatNamesTheField() {
        assertThatThrownBy(() -> Aspect.parse("aspect", "4:3")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getMessage()).isEqualTo("aspect: must be one of 9:16, 1:1, 16:9 (got \"4:3\")"));
    }
}

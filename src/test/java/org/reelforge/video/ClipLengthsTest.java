package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipLengthsTest {
    private static final ClipLengths VEO = ClipLengths.of(8, 4, 6);
    private static final ClipLengths OMNI = ClipLengths.range(3, 10);

    @Test
    void fixedLengthsAllowOnlyThemselvesAndSayWhich() {
        assertThat(VEO.allows(6)).isTrue();
        assertThat(VEO.allows(5)).isFalse();
        assertThat(VEO.describe()).isEqualTo("4, 6 or 8 s");
        assertThat(VEO.max()).isEqualTo(8);
        assertThat(OMNI.allows(3)).isTrue();
        assertThat(OMNI.allows(11)).isFalse();
        assertThat(OMNI.describe()).isEqualTo("3–10 s");
    }

    @Test
    void veoPlansKeepTheShapesUsersKnow() {
        assertThat(VEO.plan(8)).containsExactly(8);
        assertThat(VEO.plan(10)).containsExactly(6, 4);
        assertThat(VEO.plan(36)).containsExactly(8, 8, 8, 6, 6);
        assertThat(VEO.plan(15)).as("odd targets round up to the nearest reachable total").containsExactly(8, 8);
        List<Integer> long179 = VEO.plan(179);
        assertThat(long179).hasSize(23);
        assertThat(long179.stream().mapToInt(i -> i).sum()).isEqualTo(180);
    }

    @Test
    void rangePlansHitTheTargetExactlyWithEvenBlocks() {
        assertThat(OMNI.plan(36)).containsExactly(8, 7, 7, 7, 7);
        assertThat(OMNI.plan(15)).containsExactly(8, 7);
        for (int target = 8; target <= 180; target++) {
            List<Integer> plan = OMNI.plan(target);
            assertThat(plan.stream().mapToInt(i -> i).sum()).as("%d s", target).isEqualTo(target);
            assertThat(plan).allMatch(OMNI::allows);
            assertThat(plan.get(0) - plan.get(plan.size() - 1)).as("spread of %s", plan).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void everyVeoPlanIsWithinOneSecondOfItsTarget() {
        for (int target = 8; target <= 180; target++) {
            int sum = VEO.plan(target).stream().mapToInt(i -> i).sum();
            assertThat(sum - target).as("%d s", target).isBetween(0, 1);
        }
    }

    @Test
    void scriptRefusesABlockTheModelCannotMake() {
        Script script = new Script("t", "", List.of(new Block(1, 8, "p", "s", null), new Block(2, 5, "p", "s", null)));
        assertThatThrownBy(() -> script.requireLengths(VEO, "veo-3.1-fast-generate-001"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("blocks[2].duration").hasMessageContaining("4, 6 or 8 s for veo-3.1-fast-generate-001 (got 5)");
        assertThat(script.requireLengths(OMNI, "gemini-omni-1.1-flash")).isSameAs(script);
    }

    @Test
    void badRangesAreRefused() {
        assertThatThrownBy(() -> ClipLengths.range(5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClipLengths.range(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

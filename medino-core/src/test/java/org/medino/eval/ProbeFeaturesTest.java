package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.medino.MedinoException;

/** The head input against dinov2's create_linear_input evaluated by torch. */
class ProbeFeaturesTest {
    private static final Fixture F = new Fixture("probe_expected.txt");

    @Test
    void headInputMatchesCreateLinearInput() {
        ProbeFeatures data = SgdHeadTrainerTest.features(false);
        for (int nb : new int[] {1, 4}) {
            for (boolean avg : new boolean[] {false, true}) {
                float[] expected = F.floats("input_" + nb + "_" + (avg ? "True" : "False"));
                float[] actual = data.headInput(nb, avg);
                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < actual.length; i++) assertThat(actual[i]).isCloseTo(expected[i], within(1e-6f));
            }
        }
        assertThat(data.inputWidth(4, true)).isEqualTo(5 * data.d());
    }

    @Test
    void rejectsMoreBlocksThanCached() {
        ProbeFeatures data = SgdHeadTrainerTest.features(false);
        assertThatThrownBy(() -> data.headInput(5, false)).isInstanceOf(MedinoException.class);
    }

    @Test
    void selectAndConcatKeepRows() {
        ProbeFeatures data = SgdHeadTrainerTest.features(false);
        ProbeFeatures a = data.select(new int[] {3, 1});
        ProbeFeatures b = data.select(new int[] {7});
        ProbeFeatures joined = a.concat(b);
        assertThat(joined.ids()).containsExactly("s3", "s1", "s7");
        assertThat(joined.headInput(4, true)).containsExactly(data.select(new int[] {3, 1, 7}).headInput(4, true));
    }
}

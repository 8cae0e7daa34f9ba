package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medino.metrics.Tolerance.assertClose;

import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact EDT against scipy's {@code distance_transform_edt(sampling=…)} and against brute force. */
class EuclideanDistanceTransformTest {

    static Stream<ReferenceFixtures.Block> scipyCases() {
        return ReferenceFixtures.read("segmentation/edt_cases.txt").stream().filter(b -> !b.name().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyCases")
    void matchesScipy(ReferenceFixtures.Block block) {
        int[] shape = block.ints("shape");
        int[] f = block.runLength("features", ReferenceFixtures.product(shape));
        boolean[] features = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            features[i] = f[i] == 1;
        }
        double[] expected = block.doubles("distances");
        double[] actual = EuclideanDistanceTransform.distances(features, shape, block.doubles("spacing"));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertClose(block.name() + " element " + i, actual[i], expected[i]);
        }
    }

    @Test
    void handWorkedAnisotropicLine() {
        // features at 0 and 4 on a 6-long line, 0.5 mm apart: distances 0, .5, 1, .5, 0, .5
        boolean[] features = {true, false, false, false, true, false};
        double[] d = EuclideanDistanceTransform.distances(features, new int[] {6}, new double[] {0.5});
        assertThat(d).containsExactly(0, 0.5, 1.0, 0.5, 0, 0.5);
    }

    @Test
    void diagonalUsesBothSpacings() {
        // one feature in the corner of a 2×2 grid with 3 mm rows and 4 mm columns: the far corner is 5 mm away
        boolean[] features = {true, false, false, false};
        double[] d = EuclideanDistanceTransform.distances(features, new int[] {2, 2}, new double[] {3, 4});
        assertThat(d).containsExactly(0, 4, 3, 5);
    }

    @Test
    void noFeatureIsInfiniteEverywhere() {
        double[] d = EuclideanDistanceTransform.distances(new boolean[6], new int[] {2, 3}, new double[] {1, 1});
        assertThat(d).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Property(tries = 200)
    void equalsBruteForce(@ForAll @IntRange(min = 1, max = 9) int d0, @ForAll @IntRange(min = 1, max = 9) int d1,
                          @ForAll @IntRange(min = 1, max = 9) int d2, @ForAll @DoubleRange(min = 0.1, max = 5) double s0,
                          @ForAll @DoubleRange(min = 0.1, max = 5) double s1,
                          @ForAll @DoubleRange(min = 0.1, max = 5) double s2, @ForAll long seed) {
        int[] shape = {d0, d1, d2};
        double[] spacing = {s0, s1, s2};
        Random random = new Random(seed);
        double density = random.nextDouble() * 0.3;
        int n = d0 * d1 * d2;
        boolean[] features = new boolean[n];
        for (int i = 0; i < n; i++) {
            features[i] = random.nextDouble() < density;
        }
        features[random.nextInt(n)] = true;
        double[] actual = EuclideanDistanceTransform.squared(features, shape, spacing);
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (features[j]) {
                    double a = s0 * (i / (d1 * d2) - j / (d1 * d2));
                    double b = s1 * ((i / d2) % d1 - (j / d2) % d1);
                    double c = s2 * (i % d2 - j % d2);
                    best = Math.min(best, a * a + b * b + c * c);
                }
            }
            assertThat(actual[i]).isCloseTo(best, within(1e-12 * Math.max(1, best)));
        }
    }
}

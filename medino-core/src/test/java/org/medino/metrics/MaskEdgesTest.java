package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edges = mask XOR erosion by the cross, border_value 0 (scipy defaults, as MONAI uses them). */
class MaskEdgesTest {

    private static boolean[] parse(String... rows) {
        boolean[] out = new boolean[rows.length * rows[0].length()];
        int i = 0;
        for (String r : rows) {
            for (char ch : r.toCharArray()) {
                out[i++] = ch == '#';
            }
        }
        return out;
    }

    @Test
    void crossElementKeepsDiagonalOnlyNeighboursInterior() {
        // the centre of a plus shape has its 4 face neighbours: interior; a diagonal gap does not matter
        boolean[] mask = parse(
                "#####",
                "#####",
                "#####",
                "#####");
        boolean[] edges = MaskEdges.of(mask, new int[] {4, 5});
        assertThat(edges).containsExactly(parse(
                "#####",
                "#...#",
                "#...#",
                "#####"));
        boolean[] cross = parse(
                ".....",
                "..#..",
                ".###.",
                "..#..");
        assertThat(MaskEdges.of(cross, new int[] {4, 5})).containsExactly(parse(
                ".....",
                "..#..",
                ".#.#.",
                "..#.."));
    }

    @Test
    void singleSliceVolumeIsAllSurface() {
        // a 3D grid with one slice: every voxel has an outside neighbour along the slice axis
        boolean[] mask = parse("###", "###", "###");
        assertThat(MaskEdges.of(mask, new int[] {1, 3, 3})).containsOnly(true);
        assertThat(MaskEdges.of(mask, new int[] {3, 3})).containsExactly(parse("###", "#.#", "###"));
    }
}

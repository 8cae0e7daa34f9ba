package org.medino.segment;

import java.util.List;

/**
 * @param inChannels image channels C
 * @param numClasses K
 * @param widths channels per level, finest first, bottleneck last (default 32, 64, 128, 256, 512:
 *     four down-samplings)
 */
public record UNetConfig(int inChannels, int numClasses, List<Integer> widths) {
    public UNetConfig {
        widths = List.copyOf(widths);
        if (widths.size() < 2) {
            throw new IllegalArgumentException("a U-Net needs at least two levels, got widths " + widths);
        }
    }

    public UNetConfig(int inChannels, int numClasses) {
        this(inChannels, numClasses, List.of(32, 64, 128, 256, 512));
    }

    /** Number of 2×2 down-samplings. */
    public int depth() {
        return widths.size() - 1;
    }
}

package org.medino.segment;

import java.util.List;

/**
 * @param embedDim the backbone's channel count D
 * @param numClasses K
 * @param widths channels of the four up-blocks, coarsest first (default 256, 128, 64, 32)
 */
public record DinoUNetHeadConfig(int embedDim, int numClasses, List<Integer> widths) {
    public DinoUNetHeadConfig {
        widths = List.copyOf(widths);
        if (widths.size() != 4) {
            throw new IllegalArgumentException("DinoUNetHead has four up-blocks, got widths " + widths);
        }
    }

    public DinoUNetHeadConfig(int embedDim, int numClasses) {
        this(embedDim, numClasses, List.of(256, 128, 64, 32));
    }
}

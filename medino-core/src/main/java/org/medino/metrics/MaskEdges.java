package org.medino.metrics;

/**
 * The surface of a binary mask as MONAI's {@code get_mask_edges} defines it:
 * {@code mask XOR binary_erosion(mask)} with scipy's default structuring element (the cross:
 * the 2·rank face neighbours, connectivity 1) and {@code border_value=0}.
 *
 * <p>So a foreground element is on the surface when any face neighbour is background or lies
 * outside the grid; foreground touching the image border is surface, as in MONAI. The grid passed
 * here may be a crop, provided everything just outside it is background (true of the bounding box
 * of the masks, and of the image border by the border_value rule).
 */
final class MaskEdges {
    private MaskEdges() {}

    static boolean[] of(boolean[] mask, int[] shape) {
        int n = mask.length;
        boolean[] interior = mask.clone();
        for (int axis = 0; axis < shape.length; axis++) {
            int size = shape[axis];
            int stride = 1;
            for (int a = axis + 1; a < shape.length; a++) {
                stride *= shape[a];
            }
            int block = stride * size;
            for (int start = 0; start < n; start += block) {
                for (int offset = 0; offset < stride; offset++) {
                    int first = start + offset;
                    int last = first + (size - 1) * stride;
                    // the two ends of every line have a neighbour outside the grid
                    interior[first] = false;
                    interior[last] = false;
                    for (int i = first + stride; i < last; i += stride) {
                        if (interior[i] && !(mask[i - stride] && mask[i + stride])) {
                            interior[i] = false;
                        }
                    }
                }
            }
        }
        boolean[] edges = new boolean[n];
        for (int i = 0; i < n; i++) {
            edges[i] = mask[i] && !interior[i];
        }
        return edges;
    }
}

package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.medino.nn.Bilinear;
import org.medino.transform.TypedImage;
import org.medino.transform.VolumeSlicer;

/**
 * Slice-wise inference: a case's planes go through the network in batches (eval mode), the
 * logits are cropped back from the padded side P to S, resized bilinearly
 * ({@code align_corners=False}) to the plane's own size, and the argmax (first maximum on ties, as
 * torch) becomes the label; a volume's planes are put back in place, so metrics and outputs are
 * on the case's native grid and spacing.
 */
public final class SegmentationPredictor {
    private final SegmentationNetwork network;
    private final InputPipeline pipeline;
    private final int batch;

    public SegmentationPredictor(SegmentationNetwork network, InputPipeline pipeline, int batch) {
        this.network = network;
        this.pipeline = pipeline;
        this.batch = batch;
    }

    /** Labels for every voxel of {@code c} (row-major over its spatial axes). */
    public int[] predict(NDManager manager, LoadedCase c, int axis, String cacheKey) {
        int[] shape = c.spatialShape();
        int planes = c.isVolume() ? shape[axis] : 1;
        int[] out = new int[c.image().voxelsPerChannel()];
        int p = pipeline.padded();
        int s = pipeline.size();
        for (int start = 0; start < planes; start += batch) {
            int n = Math.min(batch, planes - start);
            // Planes are cut per batch, so a large volume is never held twice.
            TypedImage[] cut = new TypedImage[n];
            for (int i = 0; i < n; i++) cut[i] = c.isVolume() ? VolumeSlicer.cut(c.image(), axis, start + i, false) : c.image();
            int h = cut[0].spatialShape()[0];
            int w = cut[0].spatialShape()[1];
            float[] images = new float[n * 3 * p * p];
            String[] keys = cacheKey == null ? null : new String[n];
            for (int i = 0; i < n; i++) {
                float[] x = pipeline.prepare(new SlicePlane(0, start + i, cut[i], null), null).image();
                System.arraycopy(x, 0, images, i * x.length, x.length);
                if (keys != null) keys[i] = cacheKey + "#" + (start + i);
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray logits = network.forward(step.create(images, new Shape(n, 3, p, p)), false, keys);
                if (p != s) logits = logits.get(":, :, :" + s + ", :" + s);
                NDArray resized = Bilinear.resize(logits, h, w, false);
                int[] labels = resized.argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < n; i++) {
                    int[] plane = java.util.Arrays.copyOfRange(labels, i * h * w, (i + 1) * h * w);
                    if (c.isVolume()) {
                        Slicing.placeLabels(out, shape, axis, start + i, plane);
                    } else {
                        System.arraycopy(plane, 0, out, 0, plane.length);
                    }
                }
            }
        }
        return out;
    }
}

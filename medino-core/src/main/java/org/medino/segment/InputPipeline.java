package org.medino.segment;

import java.util.SplittableRandom;
import org.medino.transform.Compose;
import org.medino.transform.ImageKind;
import org.medino.transform.RandomFlip;
import org.medino.transform.RandomResizedCrop;
import org.medino.transform.RandomRotation;
import org.medino.transform.Resize;
import org.medino.transform.Sample;
import org.medino.transform.Transform;
import org.medino.transform.TypedImage;

/**
 * A plane → what a network takes: an {@code S × S} image (bicubic, antialiased; labels by nearest
 * neighbour), grey repeated to RGB, normalized by mean/std, and zero-padded at the bottom and right
 * to {@code P × P}, the next multiple of the network's size multiple (14 for DINOv2 heads, 16 for
 * U-Net and TransUNet); the network's output is cropped back to {@code S × S}.
 *
 * <p>Training augmentation is joint for image and mask: horizontal and vertical flips (p = 0.5
 * each), a rotation by an angle drawn from [−90°, 90°] (bilinear for the image, nearest for the
 * mask, zero fill), then a random resized crop to {@code S × S} (scale 0.5–1, aspect 3/4–4/3).
 */
public final class InputPipeline {
    /** A plane ready for a batch. */
    public record Prepared(float[] image, int[] labels) {}

    private final int size;
    private final int padded;
    private final float[] mean;
    private final float[] std;
    private final Transform train;
    private final Transform eval;

    public InputPipeline(int size, int multiple, double[] mean, double[] std) {
        this.size = size;
        this.padded = paddedSize(size, multiple);
        this.mean = toFloats(mean);
        this.std = toFloats(std);
        this.train = Compose.of(RandomFlip.horizontal(0.5), RandomFlip.vertical(0.5), new RandomRotation(90),
                new RandomResizedCrop(size, size, 0.5, 1.0, 3.0 / 4.0, 4.0 / 3.0));
        this.eval = new Resize(size, size);
    }

    public static int paddedSize(int size, int multiple) {
        return (size + multiple - 1) / multiple * multiple;
    }

    /** The side S of the model's view. */
    public int size() {
        return size;
    }

    /** The side P ≥ S that the network runs at. */
    public int padded() {
        return padded;
    }

    /** Augmented when {@code random} is given, else a plain resize. */
    public Prepared prepare(SlicePlane plane, SplittableRandom random) {
        Sample sample = Sample.of("image", plane.image());
        if (plane.labels() != null) {
            float[] l = new float[plane.labels().length];
            for (int i = 0; i < l.length; i++) l[i] = plane.labels()[i];
            sample = sample.with("mask", TypedImage.of(ImageKind.LABEL_MAP, l, new int[] {1, plane.height(), plane.width()},
                    null, plane.image().affine()));
        }
        Sample out = random != null ? train.apply(sample, random) : eval.apply(sample, new SplittableRandom(0));
        int[] labels = null;
        if (out.contains("mask")) {
            float[] m = out.image("mask").data();
            labels = new int[m.length];
            for (int i = 0; i < m.length; i++) labels[i] = (int) m[i];
        }
        return new Prepared(normalized(out.image("image")), labels);
    }

    /** [3, P, P]: grey repeated, (v − mean) / std, zeros in the padding. */
    private float[] normalized(TypedImage image) {
        float[] src = image.data();
        int c = image.channels();
        float[] out = new float[3 * padded * padded];
        for (int ch = 0; ch < 3; ch++) {
            int from = (c == 1 ? 0 : ch) * size * size;
            for (int y = 0; y < size; y++) {
                int dst = ch * padded * padded + y * padded;
                for (int x = 0; x < size; x++) out[dst + x] = (src[from + y * size + x] - mean[ch]) / std[ch];
            }
        }
        return out;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}

package org.medino.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the 3D images of a sample into 2D samples along one spatial axis, optionally as 2.5D
 * images and keeping only the slices a {@link SliceFilter} accepts.
 *
 * <p>For spatial axis {@code a} of {@code [C, D0, D1, D2]}, slice {@code s} is {@code [C, ·, ·]}
 * over the two other axes, in their original order. The slice's affine maps its 2D index
 * {@code (u, v, 0)} to the same world point as the volume index it came from (third column: the
 * volume's column along {@code a}, so the plane normal is kept).
 *
 * <p>2.5D ({@link #withNeighbours}): a single-channel image becomes 3 channels, slices
 * {@code s − 1, s, s + 1}, with the edge slice repeated at either end (index clamping); multi-channel
 * images are refused in that mode. Label maps are always the single slice {@code s}.
 */
public final class VolumeSlicer {
    private final int axis;
    private final boolean neighbours;
    private final SliceFilter filter;

    public VolumeSlicer(int axis) {
        this(axis, false, SliceFilter.all());
    }

    private VolumeSlicer(int axis, boolean neighbours, SliceFilter filter) {
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        this.axis = axis;
        this.neighbours = neighbours;
        this.filter = filter;
    }

    /** Same slicer, producing 2.5D images (slices s−1, s, s+1 as channels). */
    public VolumeSlicer withNeighbours() {
        return new VolumeSlicer(axis, true, filter);
    }

    /** Same slicer, keeping only slices accepted by {@code f} as well. */
    public VolumeSlicer keep(SliceFilter f) {
        return new VolumeSlicer(axis, neighbours, filter.and(f));
    }

    /** One kept slice. */
    public record Slice(int index, Sample sample) {}

    public List<Slice> slices(Sample volumes) {
        int[] shape = volumes.commonSpatialShape();
        List<Slice> out = new ArrayList<>();
        if (shape == null) return out;
        if (shape.length != 3) throw new IllegalArgumentException("VolumeSlicer needs 3D images");
        for (int s = 0; s < shape[axis]; s++) {
            final int index = s;
            Sample slice = volumes.map((name, vol) -> cut(vol, axis, index, neighbours && !vol.isLabelMap()));
            if (filter.keep(s, slice)) out.add(new Slice(s, slice));
        }
        return out;
    }

    /** Slice {@code index} of {@code volume} along spatial {@code axis}; 2.5D when {@code neighbours}. */
    public static TypedImage cut(TypedImage volume, int axis, int index, boolean neighbours) {
        if (volume.spatialRank() != 3) throw new IllegalArgumentException("can only slice 3D images, got " + volume);
        int[] sh = volume.spatialShape();
        if (index < 0 || index >= sh[axis]) throw new IndexOutOfBoundsException("slice " + index + " of " + sh[axis]);
        if (neighbours && volume.channels() != 1) {
            throw new IllegalArgumentException("2.5D slicing needs a single-channel volume, got " + volume.channels() + " channels");
        }
        int u = axis == 0 ? 1 : 0;
        int v = axis == 2 ? 1 : 2;
        int[] stride = {sh[1] * sh[2], sh[2], 1};
        int n = sh[0] * sh[1] * sh[2];
        int[] picks;
        int[] channelsFrom;
        if (neighbours) {
            picks = new int[] {Math.max(index - 1, 0), index, Math.min(index + 1, sh[axis] - 1)};
            channelsFrom = new int[] {0, 0, 0};
        } else {
            picks = new int[volume.channels()];
            channelsFrom = new int[volume.channels()];
            for (int c = 0; c < picks.length; c++) {
                picks[c] = index;
                channelsFrom[c] = c;
            }
        }
        float[] src = volume.data();
        float[] dst = new float[picks.length * sh[u] * sh[v]];
        int p = 0;
        for (int c = 0; c < picks.length; c++) {
            int base = channelsFrom[c] * n + picks[c] * stride[axis];
            for (int i = 0; i < sh[u]; i++) {
                for (int j = 0; j < sh[v]; j++) dst[p++] = src[base + i * stride[u] + j * stride[v]];
            }
        }
        double[][] m = new double[4][4];
        m[u][0] = 1;
        m[v][1] = 1;
        m[axis][2] = 1;
        m[axis][3] = index;
        m[3][3] = 1;
        return volume.with(dst, picks.length, new int[] {sh[u], sh[v]}, Affines.multiply(volume.affine(), m));
    }
}

package org.medino.metrics;

import java.util.Arrays;

/**
 * A 2D or 3D label map: one integer class per pixel/voxel, flat in C order (last axis fastest),
 * with the physical size of a pixel/voxel along each axis in millimetres.
 *
 * <p>Spacing is part of the grid rather than an argument to the metrics because surface distances
 * are only meaningful in millimetres: a grid without its spacing would invite scoring an
 * anisotropic CT (e.g. 2.5 × 0.8 × 0.8 mm) as if it were isotropic.
 *
 * @param labels  class index per element, {@code labels.length} = product of {@code shape}
 * @param shape   2 (rows, columns) or 3 (slices, rows, columns) positive sizes
 * @param spacing mm per step along each axis, same order and length as {@code shape}, finite and &gt; 0
 */
public record LabelGrid(int[] labels, int[] shape, double[] spacing) {

    public LabelGrid {
        if (labels == null || shape == null || spacing == null) {
            throw new IllegalArgumentException("labels, shape and spacing are required");
        }
        if (shape.length != 2 && shape.length != 3) {
            throw new IllegalArgumentException("shape must have 2 or 3 dimensions, got " + shape.length);
        }
        if (spacing.length != shape.length) {
            throw new IllegalArgumentException(
                    "spacing has " + spacing.length + " values for a " + shape.length + "D shape");
        }
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] <= 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a non-positive size");
            }
            // NaN fails this test too
            if (!(spacing[i] > 0) || Double.isInfinite(spacing[i])) {
                throw new IllegalArgumentException("spacing " + Arrays.toString(spacing) + " must be finite and > 0");
            }
            size *= shape[i];
        }
        if (labels.length != size) {
            throw new IllegalArgumentException(
                    labels.length + " labels do not fill shape " + Arrays.toString(shape) + " (" + size + ")");
        }
    }

    /** 2D grid of {@code rows × columns} pixels. */
    public static LabelGrid of2d(int[] labels, int rows, int columns, double rowSpacing, double columnSpacing) {
        return new LabelGrid(labels, new int[] {rows, columns}, new double[] {rowSpacing, columnSpacing});
    }

    /** 3D grid of {@code slices × rows × columns} voxels. */
    public static LabelGrid of3d(int[] labels, int slices, int rows, int columns, double sliceSpacing,
                                 double rowSpacing, double columnSpacing) {
        return new LabelGrid(labels, new int[] {slices, rows, columns},
                new double[] {sliceSpacing, rowSpacing, columnSpacing});
    }

    /**
     * Length in mm of the diagonal of the whole image extent, √Σ(shapeᵢ·spacingᵢ)². It is the
     * distance reported when a class is missing from exactly one of prediction and truth: a finite
     * maximum (as BraTS does) keeps means usable where MONAI would give infinity.
     */
    public double extentDiagonal() {
        double sum = 0;
        for (int i = 0; i < shape.length; i++) {
            double side = shape[i] * spacing[i];
            sum += side * side;
        }
        return Math.sqrt(sum);
    }

    boolean sameShape(LabelGrid other) {
        return Arrays.equals(shape, other.shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelGrid g && Arrays.equals(labels, g.labels) && Arrays.equals(shape, g.shape)
                && Arrays.equals(spacing, g.spacing);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(labels) + Arrays.hashCode(shape)) + Arrays.hashCode(spacing);
    }

    @Override
    public String toString() {
        return "LabelGrid[shape=" + Arrays.toString(shape) + ", spacing=" + Arrays.toString(spacing) + "]";
    }
}

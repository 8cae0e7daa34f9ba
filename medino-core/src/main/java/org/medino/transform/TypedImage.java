package org.medino.transform;

import java.util.Arrays;
import java.util.Locale;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;

/**
 * An image or label map ready for transforms: float32 voxels in channel-first order,
 * {@code [C, H, W]} (2D) or {@code [C, D, H, W]} (3D), with the 4×4 affine that maps a voxel
 * index to RAS+ world coordinates in mm.
 *
 * <p>Conventions (those of TorchIO's {@code Image}, whose tensors are also channel-first):
 *
 * <ul>
 *   <li>The affine acts on the spatial indices only, in array order: {@code (d, h, w, 1)} for a
 *       volume and {@code (h, w, 0, 1)} for a plane (the third column of a plane's affine is the
 *       direction the plane was cut along, or {@code (0,0,1)} when nobody knows).</li>
 *   <li>{@link #spacing()} is not stored separately: it is the length of each spatial column of
 *       the affine (nibabel's "zooms"), so it can never disagree with the affine after a
 *       transform.</li>
 *   <li>A {@link ImageKind#LABEL_MAP} holds integers only (checked on construction).</li>
 * </ul>
 *
 * <p>Instances are immutable in the sense that no transform writes into the arrays of its input;
 * {@link #data()} hands out the backing array, which callers must not modify.
 */
public final class TypedImage {
    private final ImageKind kind;
    private final float[] data;
    private final int channels;
    private final int[] spatial;
    private final double[][] affine;

    private TypedImage(ImageKind kind, float[] data, int channels, int[] spatial, double[][] affine) {
        if (kind == null) throw new IllegalArgumentException("kind is null");
        if (spatial.length != 2 && spatial.length != 3) {
            throw new IllegalArgumentException("need 2 or 3 spatial axes, got " + spatial.length);
        }
        if (channels < 1) throw new IllegalArgumentException("need at least one channel, got " + channels);
        long n = channels;
        for (int s : spatial) {
            if (s < 1) throw new IllegalArgumentException("empty spatial axis in " + Arrays.toString(spatial));
            n = Math.multiplyExact(n, s);
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape [" + channels + ", " + Arrays.toString(spatial) + "] needs " + n + " values, got " + data.length);
        }
        Affines.checkShape(affine);
        if (kind == ImageKind.LABEL_MAP) {
            for (float v : data) {
                if (v != Math.rint(v)) {
                    throw new MedinoException("a label map must hold integers, found " + v);
                }
            }
        }
        this.kind = kind;
        this.data = data;
        this.channels = channels;
        this.spatial = spatial.clone();
        this.affine = Affines.copy(affine);
    }

    /**
     * Wraps channel-first float32 voxels.
     *
     * @param shape {@code [C, H, W]} or {@code [C, D, H, W]}
     * @param affine index → RAS+ mm; null for {@code diag(spacing)} (then 1 mm where spacing is null)
     * @param spacing used only when {@code affine} is null (one value per spatial axis, or null)
     */
    public static TypedImage of(ImageKind kind, float[] data, int[] shape, double[] spacing, double[][] affine) {
        if (shape.length != 3 && shape.length != 4) {
            throw new IllegalArgumentException("shape must be [C, H, W] or [C, D, H, W], got " + Arrays.toString(shape));
        }
        int[] spatial = Arrays.copyOfRange(shape, 1, shape.length);
        return new TypedImage(kind, data, shape[0], spatial, affine != null ? affine : defaultAffine(spatial.length, spacing));
    }

    /** An {@link ImageKind#IMAGE} with 1 mm voxels and an axis-aligned affine. */
    public static TypedImage image(float[] data, int... shape) {
        return of(ImageKind.IMAGE, data, shape, null, null);
    }

    /** A {@link ImageKind#LABEL_MAP} with 1 mm voxels and an axis-aligned affine. */
    public static TypedImage labels(float[] data, int... shape) {
        return of(ImageKind.LABEL_MAP, data, shape, null, null);
    }

    /**
     * Converts a reader's image to channel-first form.
     *
     * <ul>
     *   <li>last axis named {@code rgb} (or {@code rgba}, {@code channel}): {@code (rows, cols, c)} →
     *       {@code [c, rows, cols]} (a transpose; the values are not scaled);</li>
     *   <li>2 axes ({@code (rows, cols)}): grey → {@code [1, rows, cols]};</li>
     *   <li>3 axes (DICOM series {@code (slice, row, col)}, multi-frame {@code (frame, row, col)},
     *       NIfTI {@code (i, j, k)}): a volume → {@code [1, D, H, W]} in the same axis order (no
     *       reorientation; use {@link Reorient} for RAS+);</li>
     *   <li>4 axes (NIfTI {@code (i, j, k, t)}): the 4th axis becomes the channel axis →
     *       {@code [t, i, j, k]}, as TorchIO does for 4D NIfTI.</li>
     * </ul>
     *
     * The affine is the image's own (it already refers to the spatial axes in array order). When
     * it is null (plain rasters) the affine is {@code diag(spacing)}, with 1 mm where the spacing
     * is unknown: geometry then stays consistent but is not in patient space. Float64 voxels are
     * rounded to float32.
     */
    public static TypedImage fromMedicalImage(MedicalImage image, ImageKind kind) {
        NdArray v = image.voxels();
        String[] axes = image.axes();
        int rank = v.rank();
        String last = axes != null && axes.length == rank ? axes[rank - 1].toLowerCase(Locale.ROOT) : "";
        boolean colourLast = rank == 3 && (last.equals("rgb") || last.equals("rgba") || last.equals("channel"));
        float[] src = v.floats();
        float[] data;
        int channels;
        int[] spatial;
        if (colourLast || rank == 4) {
            // (s0, s1[, s2], c) → (c, s0, s1[, s2]): the channel axis moves to the front.
            channels = (int) v.dim(rank - 1);
            spatial = new int[rank - 1];
            for (int a = 0; a < rank - 1; a++) spatial[a] = (int) v.dim(a);
            int n = 1;
            for (int s : spatial) n *= s;
            data = new float[src.length];
            for (int p = 0; p < n; p++) {
                for (int c = 0; c < channels; c++) data[c * n + p] = src[p * channels + c];
            }
        } else if (rank == 2 || rank == 3) {
            channels = 1;
            spatial = new int[rank];
            for (int a = 0; a < rank; a++) spatial[a] = (int) v.dim(a);
            data = v.isDouble() ? src : src.clone(); // floats() of float64 storage is already a copy
        } else {
            throw new MedinoException("cannot make a typed image of a " + rank + "-D array " + Arrays.toString(v.shape()));
        }
        double[] spacing = image.spacing();
        if (spacing != null && spacing.length != spatial.length) spacing = null;
        double[][] affine = image.affine();
        if (affine != null && spatial.length == 2) {
            // A 2D raster's affine (if any) is already 4×4 over (row, col, 0).
            Affines.checkShape(affine);
        }
        return new TypedImage(kind, data, channels, spatial,
                affine != null ? affine : defaultAffine(spatial.length, spacing));
    }

    private static double[][] defaultAffine(int spatialRank, double[] spacing) {
        double[][] a = Affines.identity();
        for (int i = 0; i < spatialRank; i++) {
            double s = spacing != null && i < spacing.length && spacing[i] > 0 ? spacing[i] : 1.0;
            a[i][i] = s;
        }
        return a;
    }

    /** Same kind, new voxels and geometry (used by the transforms). */
    public TypedImage with(float[] newData, int newChannels, int[] newSpatial, double[][] newAffine) {
        return new TypedImage(kind, newData, newChannels, newSpatial, newAffine);
    }

    /** Same kind, shape and geometry, new voxels. */
    public TypedImage withData(float[] newData) {
        return new TypedImage(kind, newData, channels, spatial, affine);
    }

    public ImageKind kind() {
        return kind;
    }

    public boolean isLabelMap() {
        return kind == ImageKind.LABEL_MAP;
    }

    /** The backing array, {@code [C][spatial...]} row-major; do not modify. */
    public float[] data() {
        return data;
    }

    public NdArray voxels() {
        return NdArray.ofFloats(data, Arrays.stream(shape()).asLongStream().toArray());
    }

    public int channels() {
        return channels;
    }

    /** 2 for {@code [C, H, W]}, 3 for {@code [C, D, H, W]}. */
    public int spatialRank() {
        return spatial.length;
    }

    public int[] spatialShape() {
        return spatial.clone();
    }

    /** Extent of spatial axis {@code a} (0-based, not counting the channel axis). */
    public int size(int a) {
        return spatial[a];
    }

    /** {@code [C, spatial...]}. */
    public int[] shape() {
        int[] s = new int[spatial.length + 1];
        s[0] = channels;
        System.arraycopy(spatial, 0, s, 1, spatial.length);
        return s;
    }

    /** Number of voxels per channel. */
    public int voxelsPerChannel() {
        int n = 1;
        for (int s : spatial) n *= s;
        return n;
    }

    public double[][] affine() {
        return Affines.copy(affine);
    }

    /** Voxel size in mm along each spatial axis: the norms of the affine's columns. */
    public double[] spacing() {
        double[] s = new double[spatial.length];
        for (int j = 0; j < s.length; j++) s[j] = Affines.columnNorm(affine, j);
        return s;
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(shape()) + " spacing " + Arrays.toString(spacing());
    }
}

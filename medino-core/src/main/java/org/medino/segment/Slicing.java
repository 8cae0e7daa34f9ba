package org.medino.segment;

import java.util.ArrayList;
import java.util.List;
import org.medino.transform.TypedImage;
import org.medino.transform.VolumeSlicer;

/**
 * Cuts cases into planes and puts per-plane predictions back together. For a volume
 * {@code [D0, D1, D2]} cut along axis {@code a}, plane {@code s} holds the two other axes in their
 * original order (as {@link VolumeSlicer#cut}), so reassembly is the exact inverse.
 */
public final class Slicing {
    private Slicing() {}

    /** The planes of case {@code caseIndex}: the image itself for 2D, every slice along {@code axis} for 3D. */
    public static List<SlicePlane> planes(LoadedCase c, int caseIndex, int axis) {
        List<SlicePlane> out = new ArrayList<>();
        if (!c.isVolume()) {
            out.add(new SlicePlane(caseIndex, 0, c.image(), c.labels()));
            return out;
        }
        int[] sh = c.spatialShape();
        for (int s = 0; s < sh[axis]; s++) {
            TypedImage plane = VolumeSlicer.cut(c.image(), axis, s, false);
            out.add(new SlicePlane(caseIndex, s, plane, c.labels() == null ? null : cutLabels(c.labels(), sh, axis, s)));
        }
        return out;
    }

    /** Labels of slice {@code index} along {@code axis} of a row-major volume of shape {@code sh}. */
    public static int[] cutLabels(int[] labels, int[] sh, int axis, int index) {
        int u = axis == 0 ? 1 : 0;
        int v = axis == 2 ? 1 : 2;
        int[] stride = {sh[1] * sh[2], sh[2], 1};
        int[] out = new int[sh[u] * sh[v]];
        int p = 0;
        int base = index * stride[axis];
        for (int i = 0; i < sh[u]; i++) {
            for (int j = 0; j < sh[v]; j++) out[p++] = labels[base + i * stride[u] + j * stride[v]];
        }
        return out;
    }

    /** Writes plane {@code index}'s labels back into the volume {@code target} (shape {@code sh}). */
    static void placeLabels(int[] target, int[] sh, int axis, int index, int[] plane) {
        int u = axis == 0 ? 1 : 0;
        int v = axis == 2 ? 1 : 2;
        int[] stride = {sh[1] * sh[2], sh[2], 1};
        int p = 0;
        int base = index * stride[axis];
        for (int i = 0; i < sh[u]; i++) {
            for (int j = 0; j < sh[v]; j++) target[base + i * stride[u] + j * stride[v]] = plane[p++];
        }
    }
}

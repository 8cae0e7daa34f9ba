package org.medino.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.data.ImageRef;
import org.medino.image.ImageReaders;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;
import org.medino.image.npy.Npy;
import org.medino.image.npy.Npz;

/**
 * Turns a sample's image into the 2D planes a 2D backbone sees: a 2D image is one plane; a volume
 * is cut into slices along its slice axis (a DICOM series' or multi-frame file's first axis, a
 * NIfTI volume's third axis, an array's first axis), each embedded on its own.
 */
final class ImagePlanes {
    /** MedMNIST archives hold every sample; read each once. */
    private final Map<Path, Map<String, Npy.Typed>> archives = new HashMap<>();

    List<Plane> load(ImageRef ref) {
        if (ref instanceof ImageRef.ArrayRowRef row) {
            Npy.Typed typed = archives.computeIfAbsent(row.file(), Npz::readTyped).get(row.key());
            if (typed == null) {
                throw new MedinoException(row.file() + ": has no array '" + row.key() + "'");
            }
            return fromRow(typed.array(), row.row(), typed.dtype(), row.file());
        }
        Path path = ((ImageRef.FileRef) ref).path();
        ImageReaders.ReadImage read = ImageReaders.read(path);
        return fromImage(read.image(), read.storedDtype(), path);
    }

    private static List<Plane> fromImage(MedicalImage image, String dtype, Path source) {
        NdArray v = image.voxels();
        String[] axes = image.axes();
        boolean colour = axes.length > 0 && axes[axes.length - 1].equals("rgb");
        int spatial = axes.length - (colour ? 1 : 0);
        if (spatial == 2) {
            return List.of(plane(v.floats(), 0, (int) v.dim(0), (int) v.dim(1), colour ? 3 : 1, dtype));
        }
        if (spatial == 3) {
            int sliceAxis = axes[0].equals("i") ? 2 : 0; // NIfTI (i, j, k): axial slices along k
            return slices(v, sliceAxis, colour ? 3 : 1, dtype);
        }
        throw new MedinoException(source + ": a " + spatial + "-dimensional image cannot be embedded by a 2D backbone"
                + (spatial == 4 ? " (a 4D series: pick one volume first)" : ""));
    }

    private static List<Plane> fromRow(NdArray array, int row, String dtype, Path source) {
        long[] shape = array.shape();
        int per = 1;
        for (int i = 1; i < shape.length; i++) per *= (int) shape[i];
        // only this row: converting the whole archive's array per sample would make embedding quadratic
        float[] values = new float[per];
        for (int i = 0; i < per; i++) values[i] = (float) array.get(row * per + i);
        long[] rest = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        NdArray one = NdArray.ofFloats(values, rest);
        if (rest.length == 2) {
            return List.of(plane(values, 0, (int) rest[0], (int) rest[1], 1, dtype));
        }
        if (rest.length == 3 && rest[2] == 3) {
            return List.of(plane(values, 0, (int) rest[0], (int) rest[1], 3, dtype));
        }
        if (rest.length == 3) {
            return slices(one, 0, 1, dtype);
        }
        throw new MedinoException(source + ": rows of shape " + java.util.Arrays.toString(rest) + " are not images");
    }

    /** The slices of a (d0, d1, d2[, c]) volume along {@code axis} (0 or 2), each [c, rows, cols]. */
    private static List<Plane> slices(NdArray v, int axis, int channels, String dtype) {
        int d0 = (int) v.dim(0);
        int d1 = (int) v.dim(1);
        int d2 = (int) v.dim(2);
        float[] all = v.floats();
        List<Plane> out = new ArrayList<>();
        if (axis == 0) {
            int per = d1 * d2 * channels;
            for (int s = 0; s < d0; s++) {
                out.add(plane(all, s * per, d1, d2, channels, dtype));
            }
            return out;
        }
        for (int s = 0; s < d2; s++) {
            float[] slice = new float[d0 * d1 * channels];
            for (int i = 0; i < d0; i++) {
                for (int j = 0; j < d1; j++) {
                    for (int c = 0; c < channels; c++) {
                        slice[(i * d1 + j) * channels + c] = all[((i * d1 + j) * d2 + s) * channels + c];
                    }
                }
            }
            out.add(plane(slice, 0, d0, d1, channels, dtype));
        }
        return out;
    }

    /** Channel-last rows × cols × c values at {@code offset} → a channel-first plane. */
    private static Plane plane(float[] values, int offset, int rows, int cols, int channels, String dtype) {
        float[] chw = new float[channels * rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < channels; k++) {
                    chw[(k * rows + r) * cols + c] = values[offset + (r * cols + c) * channels + k];
                }
            }
        }
        return new Plane(chw, channels, rows, cols, dtype);
    }
}

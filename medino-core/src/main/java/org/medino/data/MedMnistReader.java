package org.medino.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.medino.MedinoException;
import org.medino.image.NdArray;

/**
 * Reads a MedMNIST archive: arrays {@code <split>_images} (N, ...) and {@code <split>_labels} for
 * the splits train, val and test, all six required.
 *
 * <p>Labels of shape (N) or (N, 1) are single-label class indices (integers ≥ 0); (N, C) with
 * C > 1 is multi-label, one 0/1 entry per finding (as ChestMNIST). A multi-label task with exactly
 * one finding cannot be told from a binary one and is read as single-label: binary, with classes
 * 0 and 1. Samples refer to array rows ({@link ImageRef.ArrayRowRef}); ids are
 * {@code <split>/<row>}. MedMNIST has no patient ids: its official splits are used as given.
 */
public final class MedMnistReader {
    private final NpzSource source;

    public MedMnistReader(NpzSource source) {
        this.source = source;
    }

    /** Class names "0", "1", ... (or finding names "0" ... "C-1"): MedMNIST archives carry no names. */
    public Dataset read(Path npz) {
        return read(npz, null);
    }

    /**
     * @param classNames the names in index order (from MedMNIST's INFO), or null for "0", "1", ...;
     *     for single-label, every label must be below its size; for multi-label its size must be C
     */
    public Dataset read(Path npz, List<String> classNames) {
        Map<String, NdArray> arrays = source.read(npz);
        List<String> missing = new ArrayList<>();
        for (Split s : Split.values()) {
            for (String suffix : new String[] {"_images", "_labels"}) {
                if (!arrays.containsKey(s.label() + suffix)) missing.add(s.label() + suffix);
            }
        }
        if (!missing.isEmpty()) {
            throw new MedinoException(npz + ": not a MedMNIST archive: missing arrays " + missing + " (has " + new TreeSet<>(arrays.keySet()) + ")");
        }

        int findings = -1; // -1: single-label
        int maxClass = -1;
        for (Split s : Split.values()) {
            NdArray images = arrays.get(s.label() + "_images");
            NdArray labels = arrays.get(s.label() + "_labels");
            String key = s.label() + "_labels";
            if (images.rank() < 2) throw new MedinoException(npz + ": " + s.label() + "_images has shape " + Arrays.toString(images.shape()) + ", expected (N, ...)");
            if (labels.rank() < 1 || labels.rank() > 2) throw new MedinoException(npz + ": " + key + " has shape " + Arrays.toString(labels.shape()) + ", expected (N) or (N, C)");
            if (labels.dim(0) != images.dim(0)) {
                throw new MedinoException(npz + ": " + key + " has " + labels.dim(0) + " rows but " + s.label() + "_images has " + images.dim(0));
            }
            int width = labels.rank() == 1 ? 1 : (int) labels.dim(1);
            if (width < 1) throw new MedinoException(npz + ": " + key + " has shape " + Arrays.toString(labels.shape()) + ", expected (N) or (N, C)");
            int kind = width > 1 ? width : -1;
            if (s != Split.TRAIN && kind != findings) {
                throw new MedinoException(npz + ": " + key + " has shape " + Arrays.toString(labels.shape()) + ", unlike train_labels");
            }
            findings = kind;
            for (int i = 0; i < labels.size(); i++) {
                double v = labels.get(i);
                boolean ok = kind > 0 ? (v == 0 || v == 1) : (v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE);
                if (!ok) {
                    throw new MedinoException(npz + ": " + key + " row " + (i / width) + " has label " + v
                            + (kind > 0 ? ", expected 0 or 1" : ", expected an integer >= 0"));
                }
                if (kind < 0) maxClass = Math.max(maxClass, (int) v);
            }
        }

        List<String> names = names(npz, classNames, findings, maxClass);
        List<Sample> samples = new ArrayList<>();
        for (Split s : Split.values()) {
            NdArray labels = arrays.get(s.label() + "_labels");
            int n = (int) labels.dim(0);
            int width = labels.rank() == 1 ? 1 : (int) labels.dim(1);
            for (int row = 0; row < n; row++) {
                Label label;
                if (findings > 0) {
                    int[] hot = new int[width];
                    for (int c = 0; c < width; c++) hot[c] = (int) labels.get(row * width + c);
                    label = Label.multi(hot);
                } else {
                    label = Label.single((int) labels.get(row));
                }
                ImageRef ref = new ImageRef.ArrayRowRef(npz, s.label() + "_images", row);
                samples.add(Sample.of(s.label() + "/" + row, ref, label, null, s, null));
            }
        }
        return new Dataset(npz.toString(), samples, findings > 0 ? LabelKind.MULTI : LabelKind.SINGLE, names,
                List.of(Sample.DEFAULT_MODALITY), ValidationReport.empty(npz.toString()), List.of());
    }

    private static List<String> names(Path npz, List<String> given, int findings, int maxClass) {
        int count = findings > 0 ? findings : maxClass + 1;
        if (given == null) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) out.add(Integer.toString(i));
            return out;
        }
        if (findings > 0 && given.size() != findings) {
            throw new MedinoException(npz + ": " + given.size() + " finding names given for " + findings + " label columns");
        }
        if (findings < 0 && given.size() < count) {
            throw new MedinoException(npz + ": labels go up to " + maxClass + " but only " + given.size() + " class names were given");
        }
        return List.copyOf(given);
    }
}

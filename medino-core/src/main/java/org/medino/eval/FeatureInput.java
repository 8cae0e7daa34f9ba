package org.medino.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.embed.FeatureStore;
import org.medino.embed.StoreManifest;

/**
 * Where a protocol's features come from: a feature store (rows of one split) or a plain
 * safetensors file with {@code features} [N, D] float32 and {@code labels} ([N] int64 for
 * single-label tasks, [N, C] 0/1 for multi-label ones).
 *
 * @param features the rows, with the CLS token of the last block as the feature vector
 * @param clsPerBlock CLS tokens of the stored last blocks, row-major [n, layers, D] (stores only, else null)
 * @param patchMean mean patch token of the last block, [n, D] (stores only, else null)
 * @param layers how many blocks clsPerBlock holds (1 for plain files)
 * @param recipe how the features were made (stores only, else null): inputs with different recipes are never compared
 * @param source the path, for messages
 */
public record FeatureInput(LabeledFeatures features, float[] clsPerBlock, float[] patchMean, int layers,
        Map<String, Object> recipe, String source) {

    /**
     * Reads {@code path}; for a store, the rows of {@code split} ("train", "val" or "test"), or all rows
     * when the store assigns no splits.
     */
    public static FeatureInput load(Path path, String split) {
        if (Files.isDirectory(path)) {
            return fromStore(FeatureStore.open(path), split);
        }
        return fromFile(path, split);
    }

    /**
     * Refuses to use one split-less store for training and for {@code role}: the same rows would
     * be trained on and tested, and the result would measure a leak.
     */
    public static void requireDistinctRows(Path train, Path other, String role) {
        if (other == null || !Files.isDirectory(train) || !train.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
            return;
        }
        boolean anySplit = FeatureStore.open(train).manifest().samples().stream().anyMatch(e -> e.split() != null);
        if (!anySplit) {
            throw new MedinoException(train + ": the store's samples have no split, so it cannot be both the training and the "
                    + role + " data; give the manifest a split column, or embed each split into its own store");
        }
    }

    /** Every input must have been made the same way (model, weights, preprocessing). */
    public static void requireSameRecipe(List<FeatureInput> inputs) {
        FeatureInput first = null;
        for (FeatureInput in : inputs) {
            if (in == null || in.recipe() == null) continue;
            if (first == null) {
                first = in;
            } else if (!first.recipe().equals(in.recipe())) {
                throw new MedinoException(in.source() + " and " + first.source()
                        + " were made by different models or preprocessing; their features cannot be compared");
            }
        }
    }

    private static FeatureInput fromStore(FeatureStore store, String split) {
        StoreManifest m = store.manifest();
        if (m.labelKind().equals("none")) {
            throw new MedinoException(store.dir() + ": the store's samples have no labels");
        }
        float[][] all = store.readAll();
        List<StoreManifest.Entry> entries = m.samples();
        boolean anySplit = entries.stream().anyMatch(e -> e.split() != null);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!anySplit || split.equals(entries.get(i).split())) rows.add(i);
        }
        if (rows.isEmpty()) {
            throw new MedinoException(store.dir() + ": the store has no " + split + " samples");
        }

        int n = rows.size();
        int d = m.dim();
        int layers = m.layers();
        int classes = m.classNames().size();
        boolean multi = m.labelKind().equals("multi");
        String[] ids = new String[n];
        String[] patients = new String[n];
        float[] x = new float[n * d];
        float[] cls = new float[n * layers * d];
        float[] patch = new float[n * d];
        int[] labels = multi ? null : new int[n];
        byte[] hot = multi ? new byte[n * classes] : null;
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            StoreManifest.Entry e = entries.get(i);
            ids[k] = e.id();
            patients[k] = e.patientId();
            System.arraycopy(all[0], i * layers * d, cls, k * layers * d, layers * d);
            System.arraycopy(all[0], (i * layers + layers - 1) * d, x, k * d, d);
            System.arraycopy(all[1], i * d, patch, k * d, d);
            if (multi) {
                for (int c = 0; c < classes; c++) hot[k * classes + c] = (byte) (int) e.multiHot().get(c);
            } else {
                labels[k] = e.label();
            }
        }
        boolean anyPatient = entries.stream().anyMatch(e -> e.patientId() != null);
        LabeledFeatures f = new LabeledFeatures(ids, x, n, d, labels, hot, m.classNames().toArray(String[]::new),
                anyPatient ? patients : null);
        return new FeatureInput(f, cls, patch, layers, m.recipe(), store.dir().toString());
    }

    /** Rows of plain files are named {@code split/row} (e.g. {@code val/17}), unique across the inputs of one run. */
    private static FeatureInput fromFile(Path file, String split) {
        Map<String, HostTensor> t = Safetensors.read(file);
        HostTensor features = t.get("features");
        HostTensor labels = t.get("labels");
        if (features == null || labels == null) {
            throw new MedinoException(file + ": needs tensors 'features' [N, D] and 'labels' ([N] or [N, C]); found " + t.keySet());
        }
        long[] fs = features.shape();
        long[] ls = labels.shape();
        if (fs.length != 2 || !features.dtype().isFloating()) {
            throw new MedinoException(file + ": 'features' must be a float [N, D] tensor, got " + features);
        }
        int n = (int) fs[0];
        int d = (int) fs[1];
        if (ls.length == 0 || ls[0] != n || ls.length > 2) {
            throw new MedinoException(file + ": 'labels' must be [" + n + "] or [" + n + ", C], got " + labels);
        }
        float[] x = features.toFloats();
        float[] lv = labels.toFloats();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = split + "/" + i;
        LabeledFeatures f;
        if (ls.length == 1) {
            int[] l = new int[n];
            int max = 0;
            for (int i = 0; i < n; i++) {
                if (lv[i] < 0 || lv[i] != Math.rint(lv[i])) {
                    throw new MedinoException(file + ": label " + lv[i] + " at row " + i + " is not a class index");
                }
                l[i] = (int) lv[i];
                max = Math.max(max, l[i]);
            }
            f = new LabeledFeatures(ids, x, n, d, l, null, classNames(max + 1), null);
        } else {
            int c = (int) ls[1];
            byte[] hot = new byte[n * c];
            for (int i = 0; i < hot.length; i++) {
                if (lv[i] != 0 && lv[i] != 1) {
                    throw new MedinoException(file + ": multi-label 'labels' must be 0/1, found " + lv[i] + " at row " + i / c);
                }
                hot[i] = (byte) lv[i];
            }
            f = new LabeledFeatures(ids, x, n, d, null, hot, classNames(c), null);
        }
        // the one feature vector doubles as the single "block" of the linear probe
        return new FeatureInput(f, x, null, 1, null, file.toString());
    }

    private static String[] classNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) names[i] = Integer.toString(i);
        return names;
    }
}

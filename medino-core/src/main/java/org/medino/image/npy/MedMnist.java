package org.medino.image.npy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.image.NdArray;

/**
 * A MedMNIST .npz: {train,val,test}_images of shape (N, H, W), (N, H, W, 3) or (N, D, H, W)
 * (uint8), and {train,val,test}_labels of shape (N, 1) (class index) or (N, C) (multi-label).
 * Arrays are kept exactly as stored; rank 4 is ambiguous between 2D colour and 3D grey, so the
 * caller decides from the dataset (a last axis of 3 in a 2D dataset is RGB).
 */
public record MedMnist(Split train, Split val, Split test) {

    public record Split(NdArray images, NdArray labels) {
        public long size() {
            return images.dim(0);
        }
    }

    private static final String[] SPLITS = {"train", "val", "test"};

    public static MedMnist read(Path file) {
        Map<String, NdArray> arrays = Npz.read(file);
        List<String> missing = new ArrayList<>();
        for (String s : SPLITS) {
            for (String part : new String[] {"_images", "_labels"}) {
                if (!arrays.containsKey(s + part)) missing.add(s + part);
            }
        }
        if (!missing.isEmpty()) {
            throw new MedinoException(file + ": not a MedMNIST file: missing " + String.join(", ", missing)
                    + " (has " + String.join(", ", arrays.keySet()) + ")");
        }
        return new MedMnist(split(file, arrays, "train"), split(file, arrays, "val"), split(file, arrays, "test"));
    }

    private static Split split(Path file, Map<String, NdArray> arrays, String name) {
        NdArray images = arrays.get(name + "_images");
        NdArray labels = arrays.get(name + "_labels");
        if (images.rank() < 3 || images.rank() > 4) {
            throw new MedinoException(file + ": " + name + "_images has shape " + Arrays.toString(images.shape()) + ", expected (N, H, W), (N, H, W, 3) or (N, D, H, W)");
        }
        if (labels.rank() == 1) {
            labels = labels.reshape(labels.dim(0), 1); // some re-packagings drop the trailing axis
        }
        if (labels.rank() != 2) {
            throw new MedinoException(file + ": " + name + "_labels has shape " + Arrays.toString(labels.shape()) + ", expected (N, 1) or (N, C)");
        }
        if (labels.dim(0) != images.dim(0)) {
            throw new MedinoException(file + ": " + name + "_images has " + images.dim(0) + " items but " + name + "_labels has " + labels.dim(0));
        }
        return new Split(images, labels);
    }
}

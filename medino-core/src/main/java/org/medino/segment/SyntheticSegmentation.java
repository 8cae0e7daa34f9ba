package org.medino.segment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.medino.MedinoException;
import org.medino.image.NdArray;
import org.medino.image.nifti.NiftiWriter;

/**
 * Small generated segmentation datasets with exact ground truth, for the README example and tests:
 * an "organ" (label 1, a mid-grey ellipse/ellipsoid with texture) and a "lesion" (label 2, a small
 * bright disc/sphere, usually inside the organ) on a noisy background. 2D cases are 8-bit PNG
 * images with PNG label masks; 3D cases are NIfTI volumes (float32) with anisotropic voxels
 * (0.9 × 0.9 × 3 mm) and uint8 NIfTI masks carrying the same affine. The same seed gives the same files.
 */
public final class SyntheticSegmentation {
    public static final String[] CLASSES = {"background", "organ", "lesion"};

    private SyntheticSegmentation() {}

    /** Writes {@code n} 2D cases of {@code size}² (60 % train, 20 % val, 20 % test) and manifest.csv; returns the manifest. */
    public static Path write2d(Path dir, int n, int size, long seed) {
        Random random = new Random(seed);
        return writeDataset(dir, n, ".png", (images, masks) -> {
            float[] image = new float[size * size];
            int[] labels = new int[size * size];
            scene(random, image, labels, new int[] {1, size, size}, new double[] {1, 1, 1});
            writeGreyPng(images, image, size, size);
            LabelPng.writeLabels(masks, labels, size, size);
        });
    }

    /** Writes {@code n} volumes of {@code size × size × depth} as NIfTI and manifest.csv; returns the manifest. */
    public static Path write3d(Path dir, int n, int size, int depth, long seed) {
        Random random = new Random(seed);
        double[] spacing = {0.9, 0.9, 3.0};
        // RAS+ affine with a translation, as a scanner would give.
        double[][] affine = {{spacing[0], 0, 0, -20}, {0, spacing[1], 0, -25}, {0, 0, spacing[2], 10}, {0, 0, 0, 1}};
        int[] shape = {size, size, depth};
        return writeDataset(dir, n, ".nii.gz", (images, masks) -> {
            float[] image = new float[size * size * depth];
            int[] labels = new int[image.length];
            scene(random, image, labels, shape, spacing);
            double[] v = new double[image.length];
            double[] l = new double[image.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = 1000 * image[i];
                l[i] = labels[i];
            }
            NiftiWriter.write(images, NdArray.ofExact(v, size, size, depth), affine, NiftiWriter.Type.FLOAT32, 1);
            NiftiWriter.write(masks, NdArray.ofExact(l, size, size, depth), affine, NiftiWriter.Type.UINT8, 1);
        });
    }

    /** Writes one image and its mask. */
    private interface CaseWriter {
        void write(Path image, Path mask) throws IOException;
    }

    /** {@code dir/images/caseNNN}, {@code dir/masks/caseNNN} and {@code dir/manifest.csv}. */
    private static Path writeDataset(Path dir, int n, String extension, CaseWriter writer) {
        StringBuilder manifest = new StringBuilder("image,mask,split\n");
        try {
            Files.createDirectories(dir.resolve("images"));
            Files.createDirectories(dir.resolve("masks"));
            for (int c = 0; c < n; c++) {
                String name = String.format(Locale.ROOT, "case%03d%s", c, extension);
                writer.write(dir.resolve("images").resolve(name), dir.resolve("masks").resolve(name));
                manifest.append("images/").append(name).append(",masks/").append(name).append(',').append(split(c, n)).append('\n');
            }
            Path file = dir.resolve("manifest.csv");
            Files.writeString(file, manifest, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MedinoException(dir + ": cannot write the example dataset: " + e.getMessage(), e);
        }
    }

    private static String split(int c, int n) {
        double f = (c + 0.5) / n;
        return f < 0.6 ? "train" : f < 0.8 ? "val" : "test";
    }

    /**
     * Fills one scene over a grid {@code shape} (row-major, last axis fastest), distances measured in
     * mm so that 3D shapes are round in the patient, not in voxels.
     */
    private static void scene(Random r, float[] image, int[] labels, int[] shape, double[] spacing) {
        int d0 = shape[0];
        int d1 = shape[1];
        int d2 = shape[2];
        boolean flat = d0 == 1;
        double[] ext = {d0 * spacing[0], d1 * spacing[1], d2 * spacing[2]};
        double[] organC = new double[3];
        double[] organR = new double[3];
        for (int a = 0; a < 3; a++) {
            organC[a] = ext[a] * (0.4 + 0.2 * r.nextDouble());
            organR[a] = ext[a] * (0.18 + 0.12 * r.nextDouble());
        }
        double lesionR = Math.min(ext[1], ext[2]) * (0.06 + 0.04 * r.nextDouble());
        double[] lesionC = new double[3];
        for (int a = 0; a < 3; a++) lesionC[a] = organC[a] + (r.nextDouble() - 0.5) * organR[a];
        if (flat) {
            organC[0] = lesionC[0] = 0.5 * spacing[0];
            organR[0] = Double.MAX_VALUE;
        } else {
            lesionR = Math.max(lesionR, 1.2 * spacing[2]);
        }
        float organGrey = (float) (0.45 + 0.1 * r.nextDouble());
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                for (int k = 0; k < d2; k++) {
                    int p = (i * d1 + j) * d2 + k;
                    double x = (i + 0.5) * spacing[0];
                    double y = (j + 0.5) * spacing[1];
                    double z = (k + 0.5) * spacing[2];
                    double organ = sq((x - organC[0]) / organR[0]) + sq((y - organC[1]) / organR[1]) + sq((z - organC[2]) / organR[2]);
                    double lesion = Math.sqrt(sq(x - lesionC[0]) + sq(y - lesionC[1]) + sq(z - lesionC[2]));
                    float v = 0.15f + 0.05f * (float) Math.sin(0.3 * y);
                    int label = 0;
                    if (organ <= 1) {
                        v = organGrey + 0.03f * (float) Math.cos(0.5 * (y + z));
                        label = 1;
                    }
                    if (lesion <= lesionR) {
                        v = 0.85f;
                        label = 2;
                    }
                    v += 0.04f * (float) r.nextGaussian();
                    image[p] = Math.max(0f, Math.min(1f, v));
                    labels[p] = label;
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static void writeGreyPng(Path file, float[] v, int h, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = new int[v.length];
        for (int i = 0; i < v.length; i++) px[i] = Math.round(255 * v[i]);
        img.getRaster().setPixels(0, 0, w, h, px);
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}

package org.medino.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.medino.MedinoException;

/**
 * A small generated chest-radiograph-like dataset with known labels, for the demo and for tests:
 * two lung fields over a mediastinum and ribs, with noise, and per class a finding —
 * {@code normal} (none), {@code nodule} (a small bright round opacity in one lung) or
 * {@code effusion} (a bright fluid level at one lung base). Patients have two images each, and the
 * split is by patient. The same seed gives the same pixels.
 */
public final class SyntheticRadiographs {
    public static final List<String> CLASSES = List.of("effusion", "nodule", "normal");

    private SyntheticRadiographs() {}

    /**
     * Writes {@code patientsPerClass} × 3 patients × 2 images of {@code size}² 8-bit PNGs and a
     * {@code manifest.csv} (id, path, label, patient_id, split: 60 % train, 20 % val, 20 % test of
     * each class's patients) into {@code dir}; returns the manifest's path.
     */
    public static Path write(Path dir, int patientsPerClass, int size, long seed) {
        Random random = new Random(seed);
        StringBuilder manifest = new StringBuilder("id,path,label,patient_id,split\n");
        try {
            Files.createDirectories(dir.resolve("images"));
            for (String label : CLASSES) {
                for (int p = 0; p < patientsPerClass; p++) {
                    String patient = label + "-p" + p;
                    String split = p < patientsPerClass * 0.6 ? "train" : p < patientsPerClass * 0.8 ? "val" : "test";
                    for (int view = 0; view < 2; view++) {
                        String id = patient + "-" + view;
                        Path file = dir.resolve("images").resolve(id + ".png");
                        ImageIO.write(radiograph(label, size, random), "png", file.toFile());
                        manifest.append(String.format(Locale.ROOT, "%s,images/%s.png,%s,%s,%s%n", id, id, label, patient, split));
                    }
                }
            }
            Path csv = dir.resolve("manifest.csv");
            Files.writeString(csv, manifest, StandardCharsets.UTF_8);
            return csv;
        } catch (IOException e) {
            throw new MedinoException(dir + ": cannot write the generated dataset: " + e.getMessage(), e);
        }
    }

    static BufferedImage radiograph(String label, int size, Random random) {
        double[][] v = new double[size][size];
        double shift = random.nextGaussian() * 0.03;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (double) x / size - 0.5 + shift;
                double w = (double) y / size - 0.5;
                double body = Math.exp(-Math.pow(u / 0.45, 4) - Math.pow(w / 0.48, 4)); // soft tissue
                double lungs = lung(u + 0.2, w) + lung(u - 0.2, w);                      // air: dark
                double ribs = 0.08 * Math.max(0, Math.sin(w * 40 + Math.abs(u) * 6)) * (lungs > 0.1 ? 1 : 0);
                double spine = 0.35 * Math.exp(-Math.pow(u / 0.05, 2));
                v[y][x] = 0.25 + 0.55 * body - 0.45 * lungs + ribs + spine + 0.04 * random.nextGaussian();
            }
        }
        if (label.equals("nodule")) {
            double cx = (random.nextBoolean() ? 0.3 : 0.7) * size + random.nextGaussian() * size * 0.04;
            double cy = (0.35 + 0.3 * random.nextDouble()) * size;
            double r = size * (0.04 + 0.03 * random.nextDouble());
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    v[y][x] += 0.45 * Math.exp(-(Math.pow(x - cx, 2) + Math.pow(y - cy, 2)) / (2 * r * r));
        } else if (label.equals("effusion")) {
            boolean left = random.nextBoolean();
            double level = (0.62 + 0.1 * random.nextDouble()) * size;
            for (int y = (int) level; y < size; y++)
                for (int x = 0; x < size; x++)
                    if (left == x < size / 2) v[y][x] += 0.35 * Math.min(1, (y - level) / (size * 0.05));
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                image.getRaster().setSample(x, y, 0, (int) Math.round(255 * Math.max(0, Math.min(1, v[y][x]))));
        return image;
    }

    private static double lung(double u, double w) {
        return Math.exp(-Math.pow(u / 0.14, 2) - Math.pow((w + 0.02) / 0.33, 4));
    }
}

package org.medino.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;
import org.medino.image.dicom.DicomSeries;
import org.medino.image.nifti.NiftiReader;
import org.medino.image.nifti.NiftiWriter;

/**
 * Read time of a synthetic 512×512×300 CT series (uncompressed DICOM) and of a 256³ int16
 * {@code .nii.gz}, against the time it takes just to read (or gunzip) the same bytes.
 * Usage: {@code java -cp ... org.medino.bench.ImageReadThroughput [work folder]}.
 */
public final class ImageReadThroughput {
    public static void main(String[] args) throws IOException {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("medino-read-bench");
        try {
            Path series = work.resolve("ct");
            SyntheticCtSeries.write(series, 512, 512, 300, 7);
            long bytes = folderBytes(series);
            double rawSeconds = best(() -> readAllBytes(series));
            double seriesSeconds = best(() -> check(DicomSeries.load(series, null), 300));
            System.out.printf(Locale.ROOT, "DICOM series 512x512x300 (%.0f MB): %.2f s (%.0f MB/s); reading the files' bytes alone: %.2f s%n",
                    bytes / 1e6, seriesSeconds, bytes / 1e6 / seriesSeconds, rawSeconds);

            Path nifti = work.resolve("vol.nii.gz");
            NiftiWriter.write(nifti, volume(256), identity(), NiftiWriter.Type.INT16, 1);
            double gunzipSeconds = best(() -> gunzip(nifti));
            double niftiSeconds = best(() -> check(NiftiReader.read(nifti), 256));
            System.out.printf(Locale.ROOT, "NIfTI 256^3 int16 .nii.gz (%.0f MB on disk): %.2f s; gunzip alone: %.2f s%n",
                    Files.size(nifti) / 1e6, niftiSeconds, gunzipSeconds);
        } finally {
            if (args.length == 0) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private interface Run {
        void run() throws IOException;
    }

    /** Best of 3 after one warm-up: the machine's noise only ever adds time. */
    private static double best(Run run) throws IOException {
        run.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void check(MedicalImage image, long first) {
        if (image.voxels().dim(0) != first) throw new IllegalStateException("unexpected shape " + image.voxels());
    }

    private static void readAllBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.readAllBytes(p);
        }
    }

    private static void gunzip(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // discard
            }
        }
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A smooth 3D pattern with noise: compresses like an MR volume, not like zeros. */
    private static NdArray volume(int n) {
        Random random = new Random(3);
        float[] v = new float[n * n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    v[(i * n + j) * n + k] = (float) Math.round(500 * Math.sin(i / 20.0) * Math.cos(j / 30.0) + 300 + random.nextInt(40));
        return NdArray.ofFloats(v, n, n, n);
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    }
}

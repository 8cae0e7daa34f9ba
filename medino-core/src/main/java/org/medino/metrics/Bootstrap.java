package org.medino.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded percentile bootstrap.
 *
 * <p>A resample is represented by integer weights: how often each row is drawn. When patient ids
 * are given, patients are drawn with replacement and all rows of a drawn patient enter together
 * (each with the patient's multiplicity), because rows of one patient are not independent and
 * resampling them separately would make intervals too narrow.
 *
 * <p>Each resample has its own generator seeded from the master seed, so the result is the same
 * whether resamples run in sequence or in parallel.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Percentiles of the 95 % interval. */
    static final double LOWER_PERCENTILE = 2.5;
    static final double UPPER_PERCENTILE = 97.5;

    private final int resamples;
    private final long seed;
    private final int n;
    /** Patient index per row, or null to resample rows. */
    private final int[] patientOfRow;
    private final int patients;

    /**
     * @param n rows
     * @param patientIds patient id per row, or null to resample rows
     */
    public Bootstrap(int n, String[] patientIds, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("need at least one resample, got " + resamples);
        }
        if (n < 1) {
            throw new IllegalArgumentException("no rows to resample");
        }
        this.n = n;
        this.resamples = resamples;
        this.seed = seed;
        if (patientIds == null) {
            patientOfRow = null;
            patients = 0;
        } else {
            if (patientIds.length != n) {
                throw new IllegalArgumentException(patientIds.length + " patient ids for " + n + " rows");
            }
            Map<String, Integer> index = new HashMap<>();
            patientOfRow = new int[n];
            for (int i = 0; i < n; i++) {
                patientOfRow[i] = index.computeIfAbsent(patientIds[i], k -> index.size());
            }
            patients = index.size();
        }
    }

    public boolean byPatient() {
        return patientOfRow != null;
    }

    public int resamples() {
        return resamples;
    }

    /** The row weights of resample b (deterministic in seed and b). */
    int[] weights(long resampleSeed) {
        SplittableRandom rng = new SplittableRandom(resampleSeed);
        int[] w = new int[n];
        if (patientOfRow == null) {
            for (int j = 0; j < n; j++) {
                w[rng.nextInt(n)]++;
            }
        } else {
            int[] drawn = new int[patients];
            for (int j = 0; j < patients; j++) {
                drawn[rng.nextInt(patients)]++;
            }
            for (int i = 0; i < n; i++) {
                w[i] = drawn[patientOfRow[i]];
            }
        }
        return w;
    }

    /** One seed per resample, drawn in order from the master seed. */
    long[] resampleSeeds() {
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[resamples];
        for (int b = 0; b < resamples; b++) {
            seeds[b] = master.nextLong();
        }
        return seeds;
    }

    /** values[metric][b]: each metric on each resample, NaN where undefined. */
    double[][] resampleValues(MetricSuite suite) {
        int metrics = suite.names().size();
        double[][] values = new double[metrics][resamples];
        long[] seeds = resampleSeeds();
        IntStream.range(0, resamples).parallel().forEach(b -> {
            double[] out = new double[metrics];
            suite.evaluate(weights(seeds[b]), out);
            for (int m = 0; m < metrics; m++) {
                values[m][b] = out[m];
            }
        });
        return values;
    }

    /** Point values and percentile intervals for every metric of the suite, in its order. */
    MetricResult[] run(MetricSuite suite) {
        int metrics = suite.names().size();
        double[] point = new double[metrics];
        suite.evaluate(null, point);
        double[][] values = resampleValues(suite);
        MetricResult[] results = new MetricResult[metrics];
        for (int m = 0; m < metrics; m++) {
            results[m] = interval(point[m], values[m], suite.notes().get(m));
        }
        return results;
    }

    /** The percentile interval of the defined resample values. */
    MetricResult interval(double point, double[] resampled, String note) {
        double[] valid = Arrays.stream(resampled).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return new MetricResult(
                point,
                Percentile.ofSorted(valid, LOWER_PERCENTILE),
                Percentile.ofSorted(valid, UPPER_PERCENTILE),
                valid.length,
                resamples,
                note);
    }
}

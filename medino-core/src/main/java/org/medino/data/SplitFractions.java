package org.medino.data;

/**
 * The share of patients for each split, e.g. {@code 0.7, 0.15, 0.15}. Shares of patients, not of
 * images: patients are what is assigned.
 */
public record SplitFractions(double train, double val, double test) {
    /** Tolerance on the sum, so that 0.7 + 0.15 + 0.15 (not exactly 1 in binary) is accepted. */
    private static final double SUM_TOLERANCE = 1e-6;

    public SplitFractions {
        for (double f : new double[] {train, val, test}) {
            if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("split fractions must be in [0, 1]: " + train + ", " + val + ", " + test);
        }
        if (Math.abs(train + val + test - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("split fractions must add up to 1: " + train + " + " + val + " + " + test);
        }
        // rescaled to add up to exactly 1, so that rounding never hands out more patients than there are
        double sum = train + val + test;
        train /= sum;
        val /= sum;
        test /= sum;
    }

    public double of(Split split) {
        switch (split) {
            case TRAIN:
                return train;
            case VAL:
                return val;
            default:
                return test;
        }
    }
}

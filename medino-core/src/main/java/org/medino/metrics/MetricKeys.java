package org.medino.metrics;

/**
 * The names under which metrics appear in results.json. They are part of the file format, so
 * they live in one place and never change spelling.
 */
public final class MetricKeys {
    private MetricKeys() {}

    public static final String ACCURACY = "accuracy";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    public static final String MACRO_F1 = "macro_f1";
    public static final String AUROC = "auroc";
    public static final String MCC = "mcc";
    public static final String TOP5_ACCURACY = "top5_accuracy";

    /** Prefix of the per-finding AUROC of multi-label tasks: {@code auroc/<finding name>}. */
    public static final String AUROC_PER_FINDING_PREFIX = "auroc/";

    /** top5_accuracy is reported only from this many classes on: below it, it is trivially 1 or close to it. */
    public static final int TOP5_MIN_CLASSES = 6;

    public static String aurocOf(String finding) {
        return AUROC_PER_FINDING_PREFIX + finding;
    }
}

package org.medino.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates {@link CaseScores} over a data set: per-class means and overall means.
 *
 * <p>Two levels of averaging, because classes differ in how often they occur: per class, the mean
 * over the cases where it is not excluded; overall, the unweighted mean of the per-class means over
 * the classes that are not {@linkplain ClassSummary#absent() absent}. A rare tumour class thus
 * counts as much as a large organ, and a class that never occurs does not pull the means to NaN.
 * Not thread-safe.
 */
public final class SegmentationSummary {
    private final Map<String, ScoredCase> cases = new LinkedHashMap<>();
    private final TreeMap<Integer, Accumulator> classes = new TreeMap<>();

    /**
     * Adds one case.
     *
     * @throws IllegalArgumentException if {@code caseId} was already added (rows of a CSV are keyed by it)
     */
    public void add(String caseId, CaseScores scores) {
        if (caseId == null || scores == null) {
            throw new IllegalArgumentException("caseId and scores are required");
        }
        if (cases.containsKey(caseId)) {
            throw new IllegalArgumentException("case " + caseId + " was already added");
        }
        cases.put(caseId, new ScoredCase(caseId, scores));
        for (ClassScore s : scores.classes()) {
            classes.computeIfAbsent(s.label(), k -> new Accumulator()).add(s);
        }
    }

    /** All cases in the order added, with their per-class values. */
    public List<ScoredCase> cases() {
        return Collections.unmodifiableList(new ArrayList<>(cases.values()));
    }

    /** One summary per class label seen in any case, ascending; absent classes included. */
    public List<ClassSummary> classes() {
        List<ClassSummary> out = new ArrayList<>();
        classes.forEach((label, acc) -> out.add(acc.summary(label)));
        return out;
    }

    public double diceMean() {
        return meanOverClasses(ClassSummary::diceMean);
    }

    public double iouMean() {
        return meanOverClasses(ClassSummary::iouMean);
    }

    public double hd95Mean() {
        return meanOverClasses(ClassSummary::hd95Mean);
    }

    public double assdMean() {
        return meanOverClasses(ClassSummary::assdMean);
    }

    private double meanOverClasses(java.util.function.ToDoubleFunction<ClassSummary> value) {
        double sum = 0;
        int n = 0;
        for (ClassSummary c : classes()) {
            if (!c.absent()) {
                sum += value.applyAsDouble(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Running sums of one class over its non-excluded cases. */
    private static final class Accumulator {
        int cases;
        int capped;
        double dice;
        double iou;
        double hd95;
        double assd;

        void add(ClassScore s) {
            if (s.excluded()) {
                return;
            }
            cases++;
            dice += s.dice();
            iou += s.iou();
            hd95 += s.hd95();
            assd += s.assd();
            if (s.distanceCapped()) {
                capped++;
            }
        }

        ClassSummary summary(int label) {
            if (cases == 0) {
                return new ClassSummary(label, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new ClassSummary(label, cases, dice / cases, iou / cases, hd95 / cases, assd / cases, capped);
        }
    }
}

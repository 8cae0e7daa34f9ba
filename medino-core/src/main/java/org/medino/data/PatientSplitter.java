package org.medino.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns patients (never single images) to train/val/test, so that no patient is in two splits.
 *
 * <p>Rules:
 * <ul>
 *   <li>A sample without a patient id is a patient of its own (keyed by its sample id, kept apart
 *       from real patient ids). Leaving patient ids out is therefore only safe when each image
 *       really is a different patient.
 *   <li>Every sample is (re)assigned; a split already in the data is replaced.
 *   <li>The number of patients in each split differs from {@code fraction × patients} by less
 *       than one (largest-remainder rounding).
 *   <li>Stratified: a patient's stratum is its most frequent label (the index, or the whole 0/1
 *       pattern for multi-label; ties go to the smaller key; unlabelled samples form one stratum).
 *       Each stratum is split by the same fractions, rounded so that the totals above still hold;
 *       each stratum's counts are then within about one patient of its share.
 *   <li>Deterministic: the result depends only on the set of samples, the fractions and the seed,
 *       not on the order of the samples, the JVM or the machine ({@link java.util.Random} is
 *       specified bit for bit, and the shuffle is our own).
 * </ul>
 */
public final class PatientSplitter {
    private static final String NO_LABEL = "none";

    private PatientSplitter() {}

    /** The dataset with every sample's split assigned; warnings are kept. */
    public static Dataset assign(Dataset dataset, SplitFractions fractions, long seed, boolean stratify) {
        return dataset.withSamples(assign(dataset.samples(), fractions, seed, stratify), List.of());
    }

    /** The samples, in the same order, with their split assigned. */
    public static List<Sample> assign(List<Sample> samples, SplitFractions fractions, long seed, boolean stratify) {
        // sorted maps so that the input order does not matter
        TreeMap<String, List<Sample>> patients = new TreeMap<>();
        for (Sample s : samples) patients.computeIfAbsent(patientKey(s), k -> new ArrayList<>()).add(s);

        TreeMap<String, List<String>> strata = new TreeMap<>();
        for (Map.Entry<String, List<Sample>> e : patients.entrySet()) {
            String stratum = stratify ? majorityLabel(e.getValue()) : "";
            strata.computeIfAbsent(stratum, k -> new ArrayList<>()).add(e.getKey());
        }

        Random random = new Random(seed);
        List<String> strataKeys = new ArrayList<>(strata.keySet());
        int[][] counts = counts(strataKeys, strata, patients.size(), fractions, random);

        Map<String, Split> assigned = new HashMap<>();
        Split[] order = Split.values();
        for (int s = 0; s < strataKeys.size(); s++) {
            List<String> members = new ArrayList<>(strata.get(strataKeys.get(s)));
            shuffle(members, random);
            int next = 0;
            for (int k = 0; k < order.length; k++) {
                for (int c = 0; c < counts[s][k]; c++) assigned.put(members.get(next++), order[k]);
            }
        }

        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) out.add(s.withSplit(assigned.get(patientKey(s))));
        return out;
    }

    /** Patient ids and sample ids in separate name spaces, so that an id never merges with a patient. */
    static String patientKey(Sample s) {
        return s.patientId() != null ? "p:" + s.patientId() : "s:" + s.id();
    }

    private static String majorityLabel(List<Sample> samples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sample s : samples) counts.merge(s.label() == null ? NO_LABEL : s.label().key(), 1, Integer::sum);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * Patients per stratum and split. Each stratum first gets the floor of its share; the patients
     * left over go where the dropped fractions were largest (ties broken by the seeded shuffle, so
     * no stratum or split is always favoured), but never beyond the global targets.
     */
    private static int[][] counts(List<String> strataKeys, Map<String, List<String>> strata, int total,
            SplitFractions fractions, Random random) {
        Split[] order = Split.values();
        int[] targets = largestRemainder(total, fractions);
        int[][] counts = new int[strataKeys.size()][order.length];
        int[] leftInStratum = new int[strataKeys.size()];
        int[] leftInSplit = targets.clone();
        List<double[]> candidates = new ArrayList<>(); // {stratum, split, dropped fraction}
        for (int s = 0; s < strataKeys.size(); s++) {
            int n = strata.get(strataKeys.get(s)).size();
            int given = 0;
            for (int k = 0; k < order.length; k++) {
                double share = n * fractions.of(order[k]);
                int floor = (int) Math.floor(share + 1e-9);
                counts[s][k] = floor;
                leftInSplit[k] -= floor;
                given += floor;
                candidates.add(new double[] {s, k, Math.max(0, share - floor)});
            }
            leftInStratum[s] = n - given;
        }
        shuffle(candidates, random);
        candidates.sort((a, b) -> Double.compare(b[2], a[2])); // stable: the shuffle breaks ties
        for (int pass = 0; pass < 2; pass++) {
            for (double[] c : candidates) {
                int s = (int) c[0];
                int k = (int) c[1];
                // first pass: one extra per (stratum, split) where a fraction was dropped; second: whatever fits
                boolean allowed = pass == 1 || c[2] > 0;
                while (allowed && leftInStratum[s] > 0 && leftInSplit[k] > 0) {
                    counts[s][k]++;
                    leftInStratum[s]--;
                    leftInSplit[k]--;
                    if (pass == 0) break;
                }
            }
        }
        return counts;
    }

    /** Integer counts adding up to {@code total}, each less than one away from its exact share. */
    static int[] largestRemainder(int total, SplitFractions fractions) {
        Split[] order = Split.values();
        int[] counts = new int[order.length];
        double[] rest = new double[order.length];
        int given = 0;
        for (int k = 0; k < order.length; k++) {
            double share = total * fractions.of(order[k]);
            counts[k] = (int) Math.floor(share + 1e-9);
            rest[k] = share - counts[k];
            given += counts[k];
        }
        while (given < total) {
            int best = 0;
            for (int k = 1; k < order.length; k++) if (rest[k] > rest[best]) best = k;
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        return counts;
    }

    /** Fisher–Yates with {@link Random#nextInt(int)}: written out so that the order never depends on a library version. */
    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

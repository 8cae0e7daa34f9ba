package org.medino.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.medino.MedinoException;

/**
 * Seeded few-shot subsets of a train set, as row indices so any protocol can run on
 * {@code train.select(draw.rows())}.
 *
 * <p>Randomness: draw t of a run with base seed S uses {@code new java.util.Random(S + t)}, whose
 * sequence the Java specification fixes, so a draw is the same on every JVM. Members of a class are
 * listed in row order and shuffled completely (Fisher-Yates), classes in class order; the first n
 * are taken. Hence for one seed the n-shot subset contains the smaller-n subsets, as in DINOv2's
 * {@code filter_train} (which reseeds torch per try and takes a prefix of a permutation per class).
 *
 * <p>Single-label: n images per class; a class with fewer than n images contributes all of them
 * and is listed in {@link FewShotDraw#shortClasses()}.
 *
 * <p>Multi-label: n patients per finding, and every image of a drawn patient enters (images of one
 * patient must not be split between shots, and the patient is what is counted). A patient is
 * positive for a finding if any of its images is. A drawn patient counts for EVERY finding it is
 * positive for: findings are filled rarest first (fewest positive patients; ties by finding
 * order), and a finding that already has k ≥ n drawn positive patients from earlier findings draws
 * none; otherwise it draws n - k more from its not-yet-drawn positive patients in its shuffled
 * order. So each finding ends with at least min(n, its positive patients) positive patients, and
 * common findings often with more. Patients positive for no finding are never drawn (if the data
 * has a "no finding" label, it is a finding like any other). Without patient ids every image is
 * its own patient.
 */
public final class FewShot {
    /** The usual shot counts. */
    public static final int[] DEFAULT_SHOTS = {1, 2, 4, 8, 16};

    private FewShot() {}

    /** For each n in {@code shots} (outer) and draw t in 0..draws-1 (inner), the draw with seed + t. */
    public static List<FewShotDraw> draws(LabeledFeatures train, int[] shots, int draws, long seed) {
        if (draws < 1) {
            throw new MedinoException("need at least one few-shot draw, got " + draws);
        }
        List<FewShotDraw> out = new ArrayList<>(shots.length * draws);
        for (int n : shots) {
            for (int t = 0; t < draws; t++) {
                out.add(draw(train, n, t, seed + t));
            }
        }
        return out;
    }

    /** One draw of n per class (single-label) or per finding (multi-label). */
    public static FewShotDraw draw(LabeledFeatures train, int shots, int drawIndex, long seed) {
        if (shots < 1) {
            throw new MedinoException("few-shot count must be positive, got " + shots);
        }
        return train.multiHot() == null
                ? perClass(train, shots, drawIndex, seed)
                : perFinding(train, shots, drawIndex, seed);
    }

    private static FewShotDraw perClass(LabeledFeatures train, int shots, int drawIndex, long seed) {
        int classes = train.numClasses();
        List<List<Integer>> members = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < train.n(); i++) {
            members.get(train.labels()[i]).add(i);
        }
        Random random = new Random(seed);
        int[] counts = new int[classes];
        List<String> short_ = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> order = shuffled(members.get(c), random);
            counts[c] = Math.min(shots, order.size());
            rows.addAll(order.subList(0, counts[c]));
            if (order.size() < shots) {
                short_.add(train.classNames()[c]);
            }
        }
        return new FewShotDraw(shots, drawIndex, seed, sorted(rows), counts, short_);
    }

    private static FewShotDraw perFinding(LabeledFeatures train, int shots, int drawIndex, long seed) {
        int findings = train.numClasses();
        // Patients in order of first appearance, with their images and findings.
        Map<String, Integer> patientOf = new LinkedHashMap<>();
        List<List<Integer>> images = new ArrayList<>();
        List<boolean[]> positive = new ArrayList<>();
        for (int i = 0; i < train.n(); i++) {
            Integer known = train.patientIds() == null ? null : patientOf.get(train.patientIds()[i]);
            int p;
            if (known != null) {
                p = known;
            } else {
                p = images.size();
                images.add(new ArrayList<>());
                positive.add(new boolean[findings]);
                if (train.patientIds() != null) {
                    patientOf.put(train.patientIds()[i], p);
                }
            }
            images.get(p).add(i);
            for (int l = 0; l < findings; l++) {
                if (train.multiHot()[i * findings + l] != 0) {
                    positive.get(p)[l] = true;
                }
            }
        }
        List<List<Integer>> candidates = new ArrayList<>(findings);
        for (int l = 0; l < findings; l++) {
            candidates.add(new ArrayList<>());
        }
        for (int p = 0; p < images.size(); p++) {
            for (int l = 0; l < findings; l++) {
                if (positive.get(p)[l]) {
                    candidates.get(l).add(p);
                }
            }
        }
        // Shuffle every finding's list first, in finding order, so the random stream does not
        // depend on the (data-dependent) order in which findings are filled.
        Random random = new Random(seed);
        List<List<Integer>> order = new ArrayList<>(findings);
        for (int l = 0; l < findings; l++) {
            order.add(shuffled(candidates.get(l), random));
        }
        Integer[] byRarity = new Integer[findings];
        for (int l = 0; l < findings; l++) {
            byRarity[l] = l;
        }
        Arrays.sort(byRarity, (a, b) -> a.equals(b) ? 0
                : candidates.get(a).size() != candidates.get(b).size()
                        ? Integer.compare(candidates.get(a).size(), candidates.get(b).size())
                        : Integer.compare(a, b));

        boolean[] chosen = new boolean[images.size()];
        int[] counts = new int[findings];
        for (int l : byRarity) {
            for (int p : order.get(l)) {
                if (counts[l] >= shots) {
                    break;
                }
                if (!chosen[p]) {
                    chosen[p] = true;
                    for (int f = 0; f < findings; f++) {
                        if (positive.get(p)[f]) {
                            counts[f]++;
                        }
                    }
                }
            }
        }
        List<String> short_ = new ArrayList<>();
        for (int l = 0; l < findings; l++) {
            if (candidates.get(l).size() < shots) {
                short_.add(train.classNames()[l]);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int p = 0; p < images.size(); p++) {
            if (chosen[p]) {
                rows.addAll(images.get(p));
            }
        }
        return new FewShotDraw(shots, drawIndex, seed, sorted(rows), counts, short_);
    }

    /** A Fisher-Yates shuffle of a copy, consuming size - 1 values from {@code random}. */
    private static List<Integer> shuffled(List<Integer> items, Random random) {
        List<Integer> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, tmp);
        }
        return copy;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}

package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientSplitterTest {
    private static final SplitFractions F70 = new SplitFractions(0.7, 0.15, 0.15);

    private static Sample sample(String id, String patient, int label) {
        return Sample.of(id, new ImageRef.FileRef(Path.of(id + ".png")), Label.single(label), null, null, patient);
    }

    /** {@code patients} patients with 1 to 3 images each; the first {@code ofClassOne} have label 1. */
    private static List<Sample> cohort(int patients, int ofClassOne) {
        List<Sample> out = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            for (int i = 0; i <= p % 3; i++) out.add(sample("p" + p + "_img" + i, "P" + p, p < ofClassOne ? 1 : 0));
        }
        return out;
    }

    private static Map<String, Split> byPatient(List<Sample> samples) {
        Map<String, Split> out = new HashMap<>();
        for (Sample s : samples) out.put(s.patientId(), s.split());
        return out;
    }

    private static Map<Split, Integer> patientCounts(List<Sample> samples) {
        Map<Split, Set<String>> sets = new EnumMap<>(Split.class);
        for (Sample s : samples) sets.computeIfAbsent(s.split(), k -> new HashSet<>()).add(PatientSplitter.patientKey(s));
        Map<Split, Integer> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) out.put(s, sets.getOrDefault(s, Set.of()).size());
        return out;
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        List<Sample> samples = cohort(60, 20);

        List<Sample> a = PatientSplitter.assign(samples, F70, 42, false);
        List<Sample> b = PatientSplitter.assign(samples, F70, 42, false);
        List<Sample> c = PatientSplitter.assign(samples, F70, 43, false);

        assertThat(a).isEqualTo(b);
        assertThat(byPatient(a)).isNotEqualTo(byPatient(c));
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Sample> samples = cohort(40, 10);
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(byPatient(PatientSplitter.assign(shuffled, F70, 5, true)))
                .isEqualTo(byPatient(PatientSplitter.assign(samples, F70, 5, true)));
    }

    @Test
    void everyImageOfAPatientIsInOneSplitAndOrderIsKept() {
        List<Sample> samples = cohort(50, 0);

        List<Sample> out = PatientSplitter.assign(samples, F70, 1, false);

        assertThat(out).extracting(Sample::id).isEqualTo(samples.stream().map(Sample::id).toList());
        assertThat(out).allSatisfy(s -> assertThat(s.split()).isNotNull());
        assertThat(LeakageCheck.find(out)).isEmpty();
    }

    @Test
    void tenPatientsSplitSevenTwoOne() {
        // shares 7, 1.5, 1.5: floors 7, 1, 1; the one left goes to the first of the tied remainders, val
        assertThat(patientCounts(PatientSplitter.assign(cohort(10, 0), F70, 3, false)))
                .containsEntry(Split.TRAIN, 7).containsEntry(Split.VAL, 2).containsEntry(Split.TEST, 1);
    }

    @Test
    void countsAreWithinOnePatientOfTheirShare() {
        SplitFractions f = new SplitFractions(0.6, 0.25, 0.15);
        for (int n = 1; n <= 40; n++) {
            Map<Split, Integer> counts = patientCounts(PatientSplitter.assign(cohort(n, n / 3), f, n, n % 2 == 0));
            for (Split s : Split.values()) {
                assertThat(Math.abs(counts.get(s) - n * f.of(s))).as("n=%d %s", n, s).isLessThan(1.0);
            }
        }
    }

    @Test
    void samplesWithoutPatientIdAreTheirOwnPatients() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) samples.add(sample("img" + i, null, 0));
        // a patient id equal to an image id is still another patient
        samples.add(sample("img0b", "img0", 0));

        Map<Split, Integer> counts = patientCounts(PatientSplitter.assign(samples, new SplitFractions(0.5, 0.25, 0.25), 9, false));

        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
    }

    @Test
    void stratificationKeepsClassProportionsExactlyWhenTheyDivide() {
        // 80 patients of class 0 and 20 of class 1, 60/20/20: 48/16/16 and 12/4/4
        List<Sample> out = PatientSplitter.assign(cohort(100, 20), new SplitFractions(0.6, 0.2, 0.2), 11, true);

        Map<Split, int[]> perClass = new EnumMap<>(Split.class);
        Set<String> seen = new HashSet<>();
        for (Sample s : out) {
            if (seen.add(s.patientId())) perClass.computeIfAbsent(s.split(), k -> new int[2])[s.label().index()]++;
        }
        assertThat(perClass.get(Split.TRAIN)).containsExactly(48, 12);
        assertThat(perClass.get(Split.VAL)).containsExactly(16, 4);
        assertThat(perClass.get(Split.TEST)).containsExactly(16, 4);
    }

    @Test
    void stratificationKeepsClassProportionsRoughlyOtherwise() {
        // 23 patients of class 1 among 77: each stratum within a patient or two of its share
        SplitFractions f = new SplitFractions(0.7, 0.1, 0.2);
        for (long seed = 0; seed < 20; seed++) {
            List<Sample> out = PatientSplitter.assign(cohort(77, 23), f, seed, true);
            Map<Split, int[]> perClass = new EnumMap<>(Split.class);
            Set<String> seen = new HashSet<>();
            for (Sample s : out) {
                if (seen.add(s.patientId())) perClass.computeIfAbsent(s.split(), k -> new int[2])[s.label().index()]++;
            }
            for (Split s : Split.values()) {
                int[] c = perClass.getOrDefault(s, new int[2]);
                assertThat(Math.abs(c[0] - 54 * f.of(s))).as("class 0 in %s, seed %d", s, seed).isLessThanOrEqualTo(2.0);
                assertThat(Math.abs(c[1] - 23 * f.of(s))).as("class 1 in %s, seed %d", s, seed).isLessThanOrEqualTo(2.0);
            }
            assertThat(patientCounts(out)).containsEntry(Split.TRAIN, 54).containsEntry(Split.VAL, 8).containsEntry(Split.TEST, 15);
        }
    }

    @Test
    void patientStratumIsItsMostFrequentLabel() {
        // P0 has two images of class 1 and one of class 0: it counts as class 1
        List<Sample> samples = List.of(sample("a", "P0", 1), sample("b", "P0", 0), sample("c", "P0", 1),
                sample("d", "P1", 0), sample("e", "P2", 0), sample("f", "P3", 1));
        List<Sample> out = PatientSplitter.assign(samples, new SplitFractions(0.5, 0, 0.5), 2, true);

        // two strata of two patients each, halved: one of each class per split
        Map<Split, Set<String>> patients = new EnumMap<>(Split.class);
        for (Sample s : out) patients.computeIfAbsent(s.split(), k -> new HashSet<>()).add(s.patientId());
        for (Set<String> inSplit : patients.values()) {
            assertThat(inSplit).hasSize(2);
            assertThat(inSplit.stream().filter(p -> p.equals("P0") || p.equals("P3")).count()).isEqualTo(1);
        }
    }

    @Test
    void datasetVariantKeepsEverythingButTheSplits() {
        Dataset ds = new Dataset("src", cohort(5, 1), LabelKind.SINGLE, List.of("a", "b"), List.of("image"), null, List.of("w"));

        Dataset split = PatientSplitter.assign(ds, F70, 0, false);

        assertThat(split.classNames()).containsExactly("a", "b");
        assertThat(split.warnings()).containsExactly("w");
        assertThat(split.samples(Split.TRAIN).size() + split.samples(Split.VAL).size() + split.samples(Split.TEST).size())
                .isEqualTo(ds.size());
    }
}

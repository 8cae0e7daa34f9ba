package org.medino.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A typed, validated dataset: its samples, what their labels mean, and what was dropped or is
 * worth a warning. Immutable; {@link #withSamples} makes the variant a splitter returns.
 *
 * @param source how the dataset is named in messages (its manifest, folder or archive)
 * @param samples the good samples, in source order
 * @param labelKind single-label, multi-label or unlabelled
 * @param classNames class names (single-label) or finding names (multi-label), in index order
 * @param modalities the keys of every sample's {@link Sample#images()}, in order
 * @param skipped the rows dropped under {@link BadRowPolicy#SKIP} with their problems (empty otherwise)
 * @param warnings one-line notes a run should show and keep (allowed leakage, ignored files)
 */
public record Dataset(
        String source,
        List<Sample> samples,
        LabelKind labelKind,
        List<String> classNames,
        List<String> modalities,
        ValidationReport skipped,
        List<String> warnings) {

    public Dataset {
        samples = List.copyOf(samples);
        classNames = List.copyOf(classNames);
        modalities = List.copyOf(modalities);
        warnings = List.copyOf(warnings);
        if (skipped == null) skipped = ValidationReport.empty(source);
    }

    /** The samples of one split, in dataset order. */
    public List<Sample> samples(Split split) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            if (s.split() == split) out.add(s);
        }
        return out;
    }

    public int size() {
        return samples.size();
    }

    /** The same dataset with other samples (e.g. after a split); extra warnings are appended. */
    public Dataset withSamples(List<Sample> newSamples, List<String> extraWarnings) {
        List<String> w = new ArrayList<>(warnings);
        w.addAll(extraWarnings);
        return new Dataset(source, newSamples, labelKind, classNames, modalities, skipped, w);
    }
}

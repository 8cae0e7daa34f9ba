package org.medino.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to read a manifest. Immutable; each {@code with…} returns a changed copy, so a default can
 * be shared. Which columns hold images and which hold findings is always said here, never guessed
 * from the header, so that a finding column is never taken for an image (or the other way round).
 */
public final class ManifestOptions {
    /** Columns with a fixed meaning; a caller's modality or finding column may not use these names. */
    static final Set<String> RESERVED = Set.of(
            ManifestColumns.ID, ManifestColumns.PATH, ManifestColumns.LABEL,
            ManifestColumns.MASK, ManifestColumns.SPLIT, ManifestColumns.PATIENT_ID);

    private final List<String> modalities;
    private final List<String> findings;
    private final List<String> classes;
    private final boolean labelled;
    private final ImageProbe probe;
    private final BadRowPolicy policy;
    private final boolean allowPatientLeakage;

    private ManifestOptions(List<String> modalities, List<String> findings, List<String> classes, boolean labelled,
            ImageProbe probe, BadRowPolicy policy, boolean allowPatientLeakage) {
        this.modalities = modalities;
        this.findings = findings;
        this.classes = classes;
        this.labelled = labelled;
        this.probe = probe;
        this.policy = policy;
        this.allowPatientLeakage = allowPatientLeakage;
    }

    /** One {@code path} column, a {@code label} column of class names, labels required, stop on bad rows. */
    public static ManifestOptions defaults() {
        return new ManifestOptions(List.of(), List.of(), null, true, null, BadRowPolicy.FAIL, false);
    }

    /**
     * Multi-modal: one image column per modality, named here in the order the model expects them
     * (e.g. {@code t1, t1c, t2, flair}); the {@code path} column is then not read.
     */
    public ManifestOptions withModalities(String... columns) {
        List<String> list = names("modality", columns);
        for (String c : list) {
            if (findings.contains(c)) throw new IllegalArgumentException("column " + c + " cannot be both a modality and a finding");
        }
        return new ManifestOptions(list, findings, classes, labelled, probe, policy, allowPatientLeakage);
    }

    /**
     * Multi-label: one 0/1 column per finding, named here; their order is the order of the
     * multi-hot vector and of {@link Dataset#classNames()}. The {@code label} column is then not read.
     */
    public ManifestOptions withFindings(String... columns) {
        List<String> list = names("finding", columns);
        if (classes != null) throw new IllegalArgumentException("declared classes are for single-label manifests; findings name the classes");
        for (String c : list) {
            if (modalities.contains(c)) throw new IllegalArgumentException("column " + c + " cannot be both a modality and a finding");
        }
        return new ManifestOptions(modalities, list, classes, labelled, probe, policy, allowPatientLeakage);
    }

    /**
     * Declares the class names of a single-label manifest, in index order: a label not in this list
     * is a bad row, and indices do not depend on which classes happen to occur.
     */
    public ManifestOptions withClasses(String... names) {
        if (!findings.isEmpty()) throw new IllegalArgumentException("declared classes are for single-label manifests; findings name the classes");
        List<String> list = List.of(names);
        if (list.isEmpty()) throw new IllegalArgumentException("declare at least one class");
        if (new HashSet<>(list).size() != list.size()) throw new IllegalArgumentException("duplicate class name in " + list);
        for (String n : list) {
            if (n.isBlank()) throw new IllegalArgumentException("blank class name in " + list);
        }
        return new ManifestOptions(modalities, findings, list, labelled, probe, policy, allowPatientLeakage);
    }

    /** Labels may be absent (no label column) or empty (an unlabelled row); e.g. for feature extraction. */
    public ManifestOptions unlabelled() {
        return new ManifestOptions(modalities, findings, classes, false, probe, policy, allowPatientLeakage);
    }

    /** Opens every image and mask to check it can be read and that shapes agree; without it only existence is checked. */
    public ManifestOptions withProbe(ImageProbe imageProbe) {
        return new ManifestOptions(modalities, findings, classes, labelled, imageProbe, policy, allowPatientLeakage);
    }

    public ManifestOptions withPolicy(BadRowPolicy badRowPolicy) {
        if (badRowPolicy == null) throw new IllegalArgumentException("policy is null");
        return new ManifestOptions(modalities, findings, classes, labelled, probe, badRowPolicy, allowPatientLeakage);
    }

    /** Keeps a manifest whose patients span splits; the overlap is still put in {@link Dataset#warnings()}. */
    public ManifestOptions allowingPatientLeakage() {
        return new ManifestOptions(modalities, findings, classes, labelled, probe, policy, true);
    }

    /** The image columns: the caller's modalities, or {@code path} alone. */
    public List<String> imageColumns() {
        return modalities.isEmpty() ? List.of(ManifestColumns.PATH) : modalities;
    }

    /** The modality names samples use: the caller's modalities, or {@value Sample#DEFAULT_MODALITY}. */
    public List<String> modalityNames() {
        return modalities.isEmpty() ? List.of(Sample.DEFAULT_MODALITY) : modalities;
    }

    public List<String> findings() {
        return findings;
    }

    public boolean multiLabel() {
        return !findings.isEmpty();
    }

    /** The declared classes, or null when they come from the data. */
    public List<String> classes() {
        return classes;
    }

    public boolean labelled() {
        return labelled;
    }

    /** The probe, or null. */
    public ImageProbe probe() {
        return probe;
    }

    public BadRowPolicy policy() {
        return policy;
    }

    public boolean allowPatientLeakage() {
        return allowPatientLeakage;
    }

    private static List<String> names(String what, String... columns) {
        List<String> list = new ArrayList<>();
        for (String c : columns) {
            String name = c == null ? "" : c.trim();
            if (name.isEmpty()) throw new IllegalArgumentException("blank " + what + " column name");
            if (RESERVED.contains(name)) throw new IllegalArgumentException(what + " column cannot be named " + name + ": that name has a fixed meaning");
            if (list.contains(name)) throw new IllegalArgumentException("duplicate " + what + " column " + name);
            list.add(name);
        }
        if (list.isEmpty()) throw new IllegalArgumentException("name at least one " + what + " column");
        return List.copyOf(list);
    }
}

package org.medino.data;

/** The manifest's fixed column names (see MANIFEST.md). */
public final class ManifestColumns {
    public static final String ID = "id";
    public static final String PATH = "path";
    public static final String LABEL = "label";
    public static final String MASK = "mask";
    public static final String SPLIT = "split";
    public static final String PATIENT_ID = "patient_id";

    private ManifestColumns() {}
}

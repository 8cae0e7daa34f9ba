package org.medino.data;

/** What kind of target a dataset's samples carry. */
public enum LabelKind {
    /** One class per sample; {@link Label#index()} points into the class names. */
    SINGLE,
    /** Any number of findings per sample; {@link Label#hot()} has one 0/1 entry per class name. */
    MULTI,
    /** No targets (e.g. a manifest read only to extract features). */
    NONE
}

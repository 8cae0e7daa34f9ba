package org.medino.eval;

/** The kind of prediction a dataset asks for. */
public enum Task {
    /** One of C ≥ 3 classes. */
    MULTICLASS,
    /** One of 2 classes; class 1 is the positive one. */
    BINARY,
    /** Any subset of C findings, each 0/1. */
    MULTILABEL;

    /** The task of single-label data with {@code classes} classes. */
    public static Task singleLabel(int classes) {
        return classes == 2 ? BINARY : MULTICLASS;
    }
}

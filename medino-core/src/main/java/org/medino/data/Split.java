package org.medino.data;

import java.util.Locale;
import java.util.Optional;

/** The three parts of a benchmark: fit on train, choose on val, report on test. */
public enum Split {
    TRAIN("train"),
    VAL("val"),
    TEST("test");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    /** The lower-case name used in manifests, folder names and reports. */
    public String label() {
        return label;
    }

    /**
     * Reads a split name as written in a manifest or as a folder name: {@code train}, {@code val}
     * ({@code valid} and {@code validation} too, since public datasets use all three), {@code test},
     * in any case. Anything else is empty, so that callers decide whether that is an error.
     */
    public static Optional<Split> parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "train":
                return Optional.of(TRAIN);
            case "val":
            case "valid":
            case "validation":
                return Optional.of(VAL);
            case "test":
                return Optional.of(TEST);
            default:
                return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return label;
    }
}

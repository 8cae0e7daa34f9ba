package org.medino.segment;

import java.util.ArrayList;
import java.util.List;
import org.medino.MedinoException;

/**
 * The label values a mask may hold: 0 … count−1, label 0 being the background. Declared with
 * {@code --classes} as a count ({@code 4}) or as names in label order
 * ({@code background,liver,spleen}); otherwise inferred as 0 … the largest label in the masks.
 *
 * @param names one name per label (the label's number when no names were given)
 */
public record SegmentationClasses(List<String> names) {
    /** More classes than this is almost always a mask stored as intensities (e.g. 0/255), not labels. */
    public static final int MAX_INFERRED = 64;

    public SegmentationClasses {
        if (names.size() < 2) throw new MedinoException("segmentation needs at least 2 classes (background and one structure)");
        names = List.copyOf(names);
    }

    public int count() {
        return names.size();
    }

    public String name(int label) {
        return names.get(label);
    }

    public static SegmentationClasses numbered(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) names.add(Integer.toString(i));
        return new SegmentationClasses(names);
    }

    /** Parses {@code --classes}: a count or a comma-separated list of names. */
    public static SegmentationClasses parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            int n = Integer.parseInt(t);
            if (n < 2) throw new MedinoException("--classes " + t + ": at least 2 classes (background and one structure)");
            return numbered(n);
        }
        List<String> names = new ArrayList<>();
        for (String s : t.split(",")) {
            if (s.isBlank()) throw new MedinoException("--classes '" + text + "': empty class name");
            names.add(s.trim());
        }
        if (names.size() != names.stream().distinct().count()) throw new MedinoException("--classes '" + text + "': a name appears twice");
        return new SegmentationClasses(names);
    }
}

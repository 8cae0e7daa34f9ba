package org.medino.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The order of class names found in data. Sorted, not first-seen, so that the label indices do not
 * change when the rows of a manifest (or the files of a folder) are reordered; sorted by Unicode
 * code point, not by locale, so that they do not change between machines. When every name is an
 * integer they are sorted by value ({@code 2} before {@code 10}), so that integer labels 0..K-1
 * keep their own value as index.
 */
public final class ClassNames {
    private ClassNames() {}

    public static List<String> sorted(Collection<String> names) {
        boolean allIntegers = !names.isEmpty();
        for (String n : names) {
            if (!isInteger(n)) {
                allIntegers = false;
                break;
            }
        }
        Comparator<String> order = allIntegers
                ? Comparator.<String, BigInteger>comparing(BigInteger::new).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> set = new TreeSet<>(order);
        set.addAll(names);
        return new ArrayList<>(set);
    }

    static boolean isInteger(String s) {
        return s.matches("-?[0-9]+");
    }
}

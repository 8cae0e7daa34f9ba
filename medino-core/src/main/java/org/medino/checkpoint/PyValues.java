package org.medino.checkpoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's view of the Java values {@link RestrictedUnpickler} makes, for checks and messages. */
final class PyValues {
    /** Far deeper than any real key; keeps a hostile key from exhausting the Java stack. */
    private static final int MAX_KEY_DEPTH = 100;

    private PyValues() {}

    /**
     * Fails unless Python could use the value as a dict key or set element. Python refuses lists,
     * dicts and sets there; so must we, or a list that contains itself would send Java's
     * hashCode into endless recursion.
     */
    static Object hashable(Object value) {
        checkHashable(value, 0);
        return value;
    }

    private static void checkHashable(Object value, int depth) {
        if (depth > MAX_KEY_DEPTH) {
            throw PickleError.corrupt("a dict key or set element nested more than " + MAX_KEY_DEPTH + " deep");
        }
        boolean immutableContainer = isTuple(value) || isFrozenSet(value);
        if (!immutableContainer && (value instanceof Collection || value instanceof Map)) {
            throw PickleError.corrupt(describe(value) + " as a dict key or set element (it is unhashable)");
        }
        if (immutableContainer) {
            for (Object item : (Collection<?>) value) {
                checkHashable(item, depth + 1);
            }
        }
    }

    /** Tuples are the unmodifiable lists; lists are ArrayLists. */
    private static boolean isTuple(Object value) {
        return value instanceof List && !(value instanceof ArrayList);
    }

    /** Frozensets are the unmodifiable sets; sets are LinkedHashSets. */
    private static boolean isFrozenSet(Object value) {
        return value instanceof Set && !(value instanceof LinkedHashSet);
    }

    /** A short name for a value's Python type. */
    static String describe(Object value) {
        if (value == null) return "None";
        if (value instanceof String) return "a string";
        if (value instanceof Long || value instanceof BigInteger) return "an integer";
        if (value instanceof Double) return "a float";
        if (value instanceof Boolean) return "a bool";
        if (value instanceof byte[]) return "bytes";
        if (isTuple(value)) return "a tuple";
        if (value instanceof List) return "a list";
        if (value instanceof Map) return "a dict";
        if (isFrozenSet(value)) return "a frozenset";
        if (value instanceof Set) return "a set";
        if (value instanceof HostTensor) return "a tensor";
        if (value instanceof TorchStorage) return "a storage";
        if (value instanceof PickleGlobal g) return g.name;
        if (value instanceof PickleGlobal.StorageType s) return s.name();
        if (value instanceof DType) return "a dtype";
        return value.getClass().getSimpleName();
    }
}

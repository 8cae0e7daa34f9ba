package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Checks on the list of backbone maps handed to a head. */
final class Features {
    private Features() {}

    /** The newest {@code count} maps, oldest of them first; fails if fewer were given. */
    static List<NDArray> newest(List<NDArray> features, int count, String head) {
        if (features.size() < count) {
            throw new IllegalArgumentException(head + " needs the maps of the last " + count
                    + " blocks, got " + features.size());
        }
        return features.subList(features.size() - count, features.size());
    }
}

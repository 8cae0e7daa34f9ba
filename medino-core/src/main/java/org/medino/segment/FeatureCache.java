package org.medino.segment;

import java.util.HashMap;
import java.util.Map;

/**
 * Backbone features of un-augmented planes kept on the host, so that a frozen backbone runs once per
 * plane rather than once per epoch and grid point. Bounded: past {@code maxBytes} nothing more is
 * kept (the rest is recomputed), so a large dataset cannot exhaust the heap.
 */
public final class FeatureCache {
    private final long maxBytes;
    private final Map<String, float[][]> entries = new HashMap<>();
    private long bytes;

    public FeatureCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Half of the heap still free when it is made (the cases are loaded by then), leaving room for the rest. */
    public static FeatureCache halfOfFreeHeap() {
        Runtime r = Runtime.getRuntime();
        return new FeatureCache((r.maxMemory() - (r.totalMemory() - r.freeMemory())) / 2);
    }

    synchronized float[][] get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, float[][] maps) {
        long size = 0;
        for (float[] m : maps) size += 4L * m.length;
        if (bytes + size > maxBytes || entries.containsKey(key)) return;
        entries.put(key, maps);
        bytes += size;
    }
}

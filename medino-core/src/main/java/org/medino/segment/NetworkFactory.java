package org.medino.segment;

/** Builds a fresh, seeded network of one kind: every grid point and the final fit start from scratch. */
@FunctionalInterface
public interface NetworkFactory {
    SegmentationNetwork create(long seed);
}

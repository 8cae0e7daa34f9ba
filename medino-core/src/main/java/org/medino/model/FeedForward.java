package org.medino.model;

import ai.djl.ndarray.NDArray;

/** The feed-forward branch of a block. */
interface FeedForward {
    NDArray forward(NDArray x);
}

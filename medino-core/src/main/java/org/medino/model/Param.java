package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * One learnable tensor of a model, declared with its official DINOv2 name and shape before any
 * weights exist, so that a checkpoint can be checked against the declarations key by key.
 */
public final class Param {
    private final String name;
    private final Shape shape;
    private NDArray array;

    Param(String name, Shape shape) {
        this.name = name;
        this.shape = shape;
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    /** The weights; fails loudly if the model was used before loading, never runs on garbage. */
    public NDArray array() {
        if (array == null) {
            throw new IllegalStateException("parameter " + name + " has not been loaded");
        }
        return array;
    }

    public boolean isLoaded() {
        return array != null;
    }

    void set(NDArray value) {
        if (!value.getShape().equals(shape)) {
            throw new IllegalArgumentException(name + ": shape " + value.getShape() + " is not the declared " + shape);
        }
        this.array = value;
    }
}

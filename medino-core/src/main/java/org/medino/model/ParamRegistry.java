package org.medino.model;

import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the parameters a model declares, in declaration order, under their full names. */
public final class ParamRegistry {
    private final Map<String, Param> params = new LinkedHashMap<>();

    /** Declares {@code prefix + name} with {@code shape}; names must be unique. */
    Param declare(String name, long... shape) {
        Param param = new Param(name, new Shape(shape));
        if (params.putIfAbsent(name, param) != null) {
            throw new IllegalStateException("parameter declared twice: " + name);
        }
        return param;
    }

    public Map<String, Param> all() {
        return Collections.unmodifiableMap(params);
    }
}

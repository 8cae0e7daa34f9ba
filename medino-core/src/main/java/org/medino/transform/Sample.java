package org.medino.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Named typed images that belong together and are transformed together, like TorchIO's
 * {@code Subject} or a MONAI dictionary: e.g. {@code "image"} + {@code "mask"}, or
 * {@code "t1", "t1c", "t2", "flair"} + {@code "seg"}.
 *
 * <p>Transforms act on every image of the kind they handle and never require a name to be present,
 * so a sample with a missing modality passes through the same pipeline. Insertion order is kept
 * (it is the order in which transforms visit the images). Immutable.
 */
public final class Sample {
    private final Map<String, TypedImage> images;

    private Sample(Map<String, TypedImage> images) {
        this.images = Collections.unmodifiableMap(images);
    }

    public static Sample empty() {
        return new Sample(new LinkedHashMap<>());
    }

    public static Sample of(String name, TypedImage image) {
        return empty().with(name, image);
    }

    public static Sample of(String name1, TypedImage image1, String name2, TypedImage image2) {
        return of(name1, image1).with(name2, image2);
    }

    public static Sample of(Map<String, TypedImage> images) {
        Sample s = empty();
        for (Map.Entry<String, TypedImage> e : images.entrySet()) s = s.with(e.getKey(), e.getValue());
        return s;
    }

    /** A copy with {@code name} added or replaced. */
    public Sample with(String name, TypedImage image) {
        if (name == null || image == null) throw new IllegalArgumentException("name and image must not be null");
        Map<String, TypedImage> m = new LinkedHashMap<>(images);
        m.put(name, image);
        return new Sample(m);
    }

    public Sample without(String name) {
        Map<String, TypedImage> m = new LinkedHashMap<>(images);
        m.remove(name);
        return new Sample(m);
    }

    public Optional<TypedImage> get(String name) {
        return Optional.ofNullable(images.get(name));
    }

    /** The image called {@code name}; throws if absent. */
    public TypedImage image(String name) {
        TypedImage t = images.get(name);
        if (t == null) throw new IllegalArgumentException("no image called '" + name + "' in " + images.keySet());
        return t;
    }

    public boolean contains(String name) {
        return images.containsKey(name);
    }

    public Set<String> names() {
        return images.keySet();
    }

    public Map<String, TypedImage> asMap() {
        return images;
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /** Applies {@code f} to every image (which may return it unchanged), keeping the names and order. */
    public Sample map(BiFunction<String, TypedImage, TypedImage> f) {
        Map<String, TypedImage> m = new LinkedHashMap<>();
        for (Map.Entry<String, TypedImage> e : images.entrySet()) m.put(e.getKey(), f.apply(e.getKey(), e.getValue()));
        return new Sample(m);
    }

    /**
     * The spatial shape shared by all images, which a joint spatial transform needs to draw one
     * set of parameters for all of them; null for an empty sample.
     *
     * @throws IllegalArgumentException when the images disagree
     */
    public int[] commonSpatialShape() {
        int[] shape = null;
        String first = null;
        for (Map.Entry<String, TypedImage> e : images.entrySet()) {
            int[] s = e.getValue().spatialShape();
            if (shape == null) {
                shape = s;
                first = e.getKey();
            } else if (!java.util.Arrays.equals(shape, s)) {
                throw new IllegalArgumentException("images '" + first + "' " + java.util.Arrays.toString(shape) + " and '"
                        + e.getKey() + "' " + java.util.Arrays.toString(s) + " differ in spatial shape");
            }
        }
        return shape;
    }

    @Override
    public String toString() {
        return images.toString();
    }
}

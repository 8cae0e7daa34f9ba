package org.medino.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One item of a dataset: its images (one per modality), its target, and what is needed to split
 * and evaluate it fairly.
 *
 * @param id unique within the dataset; what reports and prediction files are keyed by
 * @param images modality name to image, in the dataset's modality order; a single-image dataset
 *     uses the one modality {@value #DEFAULT_MODALITY}
 * @param label the target, or null when the dataset is unlabelled
 * @param mask segmentation mask, or null
 * @param split the assigned split, or null when none was given (yet)
 * @param patientId the patient the images come from, or null when unknown
 */
public record Sample(String id, Map<String, ImageRef> images, Label label, ImageRef mask, Split split, String patientId) {

    /** The modality name of datasets with one image per sample. */
    public static final String DEFAULT_MODALITY = "image";

    public Sample {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("a sample needs an id");
        if (images == null || images.isEmpty()) throw new IllegalArgumentException("sample " + id + " has no image");
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }

    /** A sample with one image under {@link #DEFAULT_MODALITY}. */
    public static Sample of(String id, ImageRef image, Label label, ImageRef mask, Split split, String patientId) {
        return new Sample(id, Map.of(DEFAULT_MODALITY, image), label, mask, split, patientId);
    }

    /** The only image of a single-modality sample. */
    public ImageRef image() {
        if (images.size() != 1) {
            throw new IllegalStateException("sample " + id + " has " + images.size() + " modalities " + images.keySet() + "; ask for one by name");
        }
        return images.values().iterator().next();
    }

    public Optional<String> patient() {
        return Optional.ofNullable(patientId);
    }

    /** The same sample in another split. */
    public Sample withSplit(Split newSplit) {
        return new Sample(id, images, label, mask, newSplit, patientId);
    }
}

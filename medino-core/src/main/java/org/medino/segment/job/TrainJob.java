package org.medino.segment.job;

import java.nio.file.Path;
import java.util.List;
import org.medino.embed.IntensityScaling;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SliceAxis;
import org.medino.segment.TrainSettings;

/**
 * What {@code medino segment train} was asked to do.
 *
 * @param manifest the segmentation manifest (image, mask, split)
 * @param out the run folder
 * @param backbone checkpoint path or registered name, for heads (null for baselines)
 * @param head linear, multilayer or unet (null for baselines)
 * @param baseline unet or transunet (null for heads)
 * @param imageSize S
 * @param settings training settings (lr = the first grid value)
 * @param lrs the learning-rate grid
 * @param shots few-shot training cases, or null
 * @param axis slice axis for volumes
 * @param classes declared classes, or null to infer 0 … max label
 * @param intensity the raw-value rule
 * @param retrain refit on train + val after selection
 * @param cacheFeatures train heads on cached features of un-augmented planes
 * @param evalBatch planes per forward pass at evaluation
 * @param resume continue from the checkpoints in {@code out}
 */
public record TrainJob(Path manifest, Path out, String backbone, String head, String baseline, int imageSize, TrainSettings settings,
        List<Double> lrs, Integer shots, SliceAxis axis, SegmentationClasses classes, IntensityScaling intensity, boolean retrain,
        boolean cacheFeatures, int evalBatch, boolean resume) {}

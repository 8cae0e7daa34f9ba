package org.medino.segment.job;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.medino.embed.IntensityScaling;
import org.medino.model.LoadedBackbone;
import org.medino.segment.CaseLoader;
import org.medino.segment.InputPipeline;
import org.medino.segment.LoadedCase;
import org.medino.segment.Networks;
import org.medino.segment.PredictionWriter;
import org.medino.segment.SegmentationModelFiles;
import org.medino.segment.SegmentationNetwork;
import org.medino.segment.SegmentationPredictor;

/**
 * {@code medino segment predict} as a library call: rebuilds a saved model (a head's backbone is
 * checked against the sha256 it was trained with), reads the image with the model's intensity
 * rule, predicts slice-wise, and writes the mask.
 */
public final class SegmentPrediction {
    /**
     * @param labels the predicted labels on the image's grid
     * @param image the image as read
     * @param overlay the overlay written beside a PNG mask, or null
     */
    public record Result(int[] labels, LoadedCase image, Path overlay) {}

    private SegmentPrediction() {}

    public static Result run(Path model, Path image, Path out, int batch) {
        Path dir = SegmentationModelFiles.resolve(model);
        SegmentationModelFiles.Description d = SegmentationModelFiles.readDescription(dir);
        LoadedCase c = new CaseLoader(IntensityScaling.parse(d.intensity())).loadImage(image.getFileName().toString(), image);
        if (!PredictionWriter.isNifti(out) && !PredictionWriter.isPng(out)) {
            throw new org.medino.MedinoException(out + ": name the mask .nii.gz, .nii or .png");
        }
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = d.spec().isHead() ? LoadedBackboneRef.loadRecorded(d.backbone(), manager) : null;
                SegmentationNetwork net = Networks.factory(manager, d.spec(), Networks.fromJson(d.spec(), d.networkConfig()),
                        backbone == null ? null : backbone.model(), null).create(0)) {
            net.loadState(SegmentationModelFiles.readWeights(dir));
            InputPipeline pipeline = new InputPipeline(d.imageSize(), net.sizeMultiple(), d.mean(), d.std());
            int axis = c.isVolume() ? d.sliceAxis().resolve(c.affine()) : 0;
            int[] labels = new SegmentationPredictor(net, pipeline, batch).predict(manager, c, axis, null);
            Path overlay = PredictionWriter.write(out, c, labels);
            return new Result(labels, c, overlay);
        }
    }
}

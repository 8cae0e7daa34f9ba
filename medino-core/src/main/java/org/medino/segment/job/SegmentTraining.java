package org.medino.segment.job;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.data.Split;
import org.medino.image.ImageFormat;
import org.medino.model.LoadedBackbone;
import org.medino.model.Preprocessing;
import org.medino.report.SegmentationHtml;
import org.medino.report.SegmentationResults;
import org.medino.segment.CaseLoader;
import org.medino.segment.CasePrediction;
import org.medino.segment.FeatureCache;
import org.medino.segment.InputPipeline;
import org.medino.segment.LoadedCase;
import org.medino.segment.NetworkSpec;
import org.medino.segment.Networks;
import org.medino.segment.PredictionWriter;
import org.medino.segment.SegmentationCase;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SegmentationExperiment;
import org.medino.segment.SegmentationManifest;
import org.medino.segment.SegmentationModelFiles;

/**
 * {@code medino segment train} as a library call: reads and checks every case, builds the network,
 * runs the two-stage protocol, and writes the run folder — {@code results.json}, {@code per_case.csv},
 * {@code report.html}, {@code model/} (model.json + weights), {@code predictions/} (test masks:
 * NIfTI with the source affine, or PNG with an overlay for 2D raster/DICOM images) and
 * {@code checkpoints/} (one per training, for {@code --resume}).
 */
public final class SegmentTraining {
    private SegmentTraining() {}

    public static SegmentationExperiment.Outcome run(TrainJob job, Listener listener) {
        long start = System.nanoTime();
        boolean head = job.head() != null;
        if (head == (job.baseline() != null) || head != (job.backbone() != null)) {
            throw new MedinoException("give either --backbone with --head, or --baseline");
        }
        if (job.imageSize() < 14) throw new MedinoException("--image-size must be at least 14");
        // Everything that can be checked without data is checked before the data is read.
        new NetworkSpec(head ? NetworkSpec.HEAD : NetworkSpec.BASELINE, head ? job.head() : job.baseline(), 2, 16);
        if (!List.of("adamw", "sgd").contains(job.settings().optimizer())) {
            throw new MedinoException("--optimizer '" + job.settings().optimizer() + "': use adamw or sgd");
        }
        if (!(job.settings().weightDecay() >= 0)) throw new MedinoException("--weight-decay must be 0 or more");
        // The backbone is found (and hashed) before the data is read, so a wrong name fails at once.
        Map<String, String> backboneRef = head ? LoadedBackboneRef.describe(job.backbone()) : null;
        List<SegmentationCase> rows = SegmentationManifest.read(job.manifest());
        listener.stage("reading " + rows.size() + " cases");
        CaseLoader loader = new CaseLoader(job.intensity());
        List<LoadedCase> cases = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        for (SegmentationCase row : rows) {
            cases.add(loader.load(row, job.classes()));
            splits.add(row.split());
        }
        SegmentationClasses classes = job.classes() != null ? job.classes() : inferClasses(cases, rows);
        Preprocessing preprocessing = LoadedBackboneRef.preprocessing(job.backbone());
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = head ? LoadedBackboneRef.load(backboneRef, manager) : null) {
            if (backbone != null) backbone.notes().forEach(listener::note);
            int multiple = head ? backbone.config().patchSize() : 16;
            InputPipeline pipeline = new InputPipeline(job.imageSize(), multiple, preprocessing.mean(), preprocessing.std());
            NetworkSpec spec = new NetworkSpec(head ? NetworkSpec.HEAD : NetworkSpec.BASELINE, head ? job.head() : job.baseline(),
                    classes.count(), pipeline.padded());
            Object config = Networks.defaultConfig(spec, head ? backbone.config().embedDim() : 0, head ? backbone.config().depth() : 0);
            if (head && spec.blocks() > backbone.config().depth()) {
                listener.note("the " + spec.name() + " head reads the last " + spec.blocks() + " blocks but the backbone has "
                        + backbone.config().depth() + ": " + (spec.name().equals("multilayer") ? "it reads all of them"
                                : "the oldest stands in for the missing ones"));
            }
            boolean cached = head && job.cacheFeatures();
            if (cached && job.settings().augment()) listener.note("--cache-features trains the head on un-augmented images");
            String identity = identity(spec, config, backboneRef, job, classes, rows);
            SegmentationExperiment.Options options = new SegmentationExperiment.Options(
                    cached ? job.settings().withAugment(false) : job.settings(), job.lrs(), job.shots(), job.axis(), job.retrain(),
                    job.evalBatch(), job.resume(), identity);
            FeatureCache cache = head ? FeatureCache.halfOfFreeHeap() : null;
            SegmentationExperiment experiment = new SegmentationExperiment(manager,
                    Networks.factory(manager, spec, config, head ? backbone.model() : null, cache), pipeline, classes.count(), options,
                    job.out().resolve("checkpoints"), listener);
            SegmentationModelFiles.Description description = new SegmentationModelFiles.Description(spec, job.imageSize(), classes,
                    job.axis(), job.intensity().label(), preprocessing.mean(), preprocessing.std(), Networks.toJson(config), backboneRef);
            SegmentationExperiment.Outcome outcome = experiment.run(cases, splits,
                    net -> SegmentationModelFiles.save(job.out().resolve("model"), description, net.state()));
            listener.stage("writing predictions and results");
            writePredictions(job.out().resolve("predictions"), outcome, rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            SegmentationResults.Context context = new SegmentationResults.Context("segment train",
                    model(spec, backboneRef, backbone), dataset(job, rows, cases, classes), config(job, pipeline), seconds);
            SegmentationResults.write(job.out(), context, classes, outcome);
            SegmentationHtml.write(job.out().resolve("report.html"), "medino segment train: " + spec.describe(), classes, outcome,
                    job.axis());
            return outcome;
        }
    }

    /**
     * What a checkpoint must have been made with, besides the training settings: the network and
     * its configuration, the backbone's hash, the input size and rules, the classes, and the data
     * (every row with its files' sizes), so that a resume never continues another experiment.
     */
    private static String identity(NetworkSpec spec, Object config, Map<String, String> backboneRef, TrainJob job,
            SegmentationClasses classes, List<SegmentationCase> rows) {
        StringBuilder data = new StringBuilder();
        for (SegmentationCase r : rows) {
            data.append(r.id()).append('|').append(r.image()).append('|').append(r.mask()).append('|').append(r.split())
                    .append('|').append(size(r.image())).append('|').append(size(r.mask())).append('\n');
        }
        return "network=" + spec + " config=" + Networks.toJson(config) + " backbone=" + (backboneRef == null ? "-" : backboneRef.get("sha256"))
                + " image_size=" + job.imageSize() + " axis=" + job.axis().text() + " intensity=" + job.intensity().label()
                + " classes=" + classes.names() + " data=" + sha256(data.toString());
    }

    private static long size(Path file) {
        try {
            return Files.isDirectory(file) ? -1 : Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0 … the largest label found; at least background and one structure. */
    private static SegmentationClasses inferClasses(List<LoadedCase> cases, List<SegmentationCase> rows) {
        int max = 0;
        String where = "";
        for (int i = 0; i < cases.size(); i++) {
            for (int v : cases.get(i).labels()) {
                if (v > max) {
                    max = v;
                    where = rows.get(i).mask().toString();
                }
            }
        }
        if (max + 1 > SegmentationClasses.MAX_INFERRED) {
            throw new MedinoException(where + ": label " + max + " would make " + (max + 1) + " classes; masks hold labels 0..K-1 "
                    + "(a 0/255 mask is an image, not labels) — or declare them with --classes");
        }
        return SegmentationClasses.numbered(Math.max(2, max + 1));
    }

    /**
     * Test predictions named after the image file (its id instead when two test images share a
     * file name): NIfTI for volumes and NIfTI sources, PNG + overlay otherwise.
     */
    private static void writePredictions(Path dir, SegmentationExperiment.Outcome outcome, List<SegmentationCase> rows) {
        Map<String, SegmentationCase> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<String, Integer> stems = new java.util.HashMap<>();
        for (CasePrediction p : outcome.predictions()) stems.merge(safeName(p.loaded().source().getFileName().toString()), 1, Integer::sum);
        for (CasePrediction p : outcome.predictions()) {
            LoadedCase c = p.loaded();
            boolean nifti = c.isVolume() || ImageFormat.detect(byId.get(c.id()).image()) == ImageFormat.NIFTI;
            String stem = safeName(c.source().getFileName().toString());
            String name = (stems.get(stem) == 1 ? stem : safeName(c.id())) + (nifti ? ".nii.gz" : ".png");
            PredictionWriter.write(dir.resolve(name), c, p.predicted());
        }
    }

    static String safeName(String id) {
        String stem = id.replaceAll("(?i)\\.(nii\\.gz|nii|png|jpe?g|dcm|tiff?|npy)$", "");
        return stem.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Map<String, Object> model(NetworkSpec spec, Map<String, String> backboneRef, LoadedBackbone backbone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", spec.kind());
        m.put("network", spec.name());
        if (backboneRef != null) {
            m.put("backbone", backboneRef.get("reference"));
            m.put("backbone_sha256", backboneRef.get("sha256"));
            m.put("backbone_architecture", backbone.config().describe());
            m.put("blocks", spec.blocks());
        }
        return m;
    }

    private static Map<String, Object> dataset(TrainJob job, List<SegmentationCase> rows, List<LoadedCase> cases,
            SegmentationClasses classes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("manifest", job.manifest().toString());
        d.put("classes", classes.names());
        for (Split s : Split.values()) d.put(s.label(), rows.stream().filter(r -> r.split() == s).count());
        long volumes = cases.stream().filter(LoadedCase::isVolume).count();
        d.put("dimensionality", volumes == 0 ? "2d" : volumes == cases.size() ? "3d" : "mixed");
        return d;
    }

    private static Map<String, Object> config(TrainJob job, InputPipeline pipeline) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("image_size", job.imageSize());
        c.put("input_size", pipeline.padded());
        c.put("epochs", job.settings().epochs());
        c.put("batch", job.settings().batch());
        c.put("lr", job.lrs());
        c.put("optimizer", job.settings().optimizer());
        c.put("weight_decay", job.settings().weightDecay());
        c.put("loss", job.settings().loss().key());
        c.put("schedule", "cosine to 0, per step");
        c.put("augment", job.settings().augment() && !(job.head() != null && job.cacheFeatures()));
        c.put("cache_features", job.cacheFeatures());
        c.put("shots", job.shots());
        c.put("slice_axis", job.axis().text());
        c.put("intensity", job.intensity().label());
        c.put("retrain_on_train_val", job.retrain());
        c.put("seed", job.settings().seed());
        return c;
    }
}

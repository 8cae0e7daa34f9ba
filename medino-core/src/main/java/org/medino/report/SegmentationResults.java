package org.medino.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.medino.checkpoint.AtomicFiles;
import org.medino.metrics.ClassScore;
import org.medino.metrics.ClassSummary;
import org.medino.metrics.ScoredCase;
import org.medino.metrics.SegmentationSummary;
import org.medino.segment.GridPoint;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SegmentationExperiment;

/**
 * {@code results.json} and {@code per_case.csv} of a segmentation run: test-split means
 * ({@code dice_mean}, {@code iou_mean}, {@code hd95_mean}, {@code assd_mean}), the {@code per_class}
 * table keyed by class name, the classes absent from every test case, the selection stage, and
 * per-case values. Background is excluded; distances are in mm; a value that does not exist (a
 * class absent everywhere) is {@code null}.
 */
public final class SegmentationResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The rule for classes missing from prediction or truth, written into every results.json. */
    public static final String EMPTY_CLASS_RULE = "a class absent from both prediction and truth of a case is excluded from that case"
            + " (and reported in absent_classes when absent from every case); absent from one only, it scores Dice 0, IoU 0,"
            + " and HD95 = ASSD = the image's extent diagonal in mm (a cap, not infinity)";

    private SegmentationResults() {}

    /** Everything a run says about itself besides the scores. */
    public record Context(String command, Map<String, Object> model, Map<String, Object> dataset, Map<String, Object> config,
            double seconds) {}

    public static void write(Path dir, Context context, SegmentationClasses classes, SegmentationExperiment.Outcome outcome) {
        AtomicFiles.writeText(dir.resolve("results.json"), json(context, classes, outcome));
        AtomicFiles.writeText(dir.resolve("per_case.csv"), perCaseCsv(classes, outcome.test()));
    }

    static String json(Context context, SegmentationClasses classes, SegmentationExperiment.Outcome outcome) {
        SegmentationSummary test = outcome.test();
        ObjectNode root = JSON.createObjectNode();
        root.put("command", context.command());
        root.set("model", JSON.valueToTree(context.model()));
        root.set("dataset", JSON.valueToTree(context.dataset()));
        root.set("config", JSON.valueToTree(context.config()));
        root.put("split", "test");
        number(root, "dice_mean", test.diceMean());
        number(root, "iou_mean", test.iouMean());
        number(root, "hd95_mean", test.hd95Mean());
        number(root, "assd_mean", test.assdMean());
        ObjectNode perClass = root.putObject("per_class");
        ArrayNode absent = JSON.createArrayNode();
        for (ClassSummary c : test.classes()) {
            ObjectNode row = perClass.putObject(classes.name(c.label()));
            row.put("label", c.label());
            number(row, "dice", c.diceMean());
            number(row, "iou", c.iouMean());
            number(row, "hd95", c.hd95Mean());
            number(row, "assd", c.assdMean());
            row.put("cases", c.cases());
            row.put("capped_cases", c.cappedCases());
            row.put("absent", c.absent());
            if (c.absent()) absent.add(classes.name(c.label()));
        }
        root.set("absent_classes", absent);
        ObjectNode conventions = root.putObject("conventions");
        conventions.put("background_excluded", true);
        conventions.put("distance_unit", "mm");
        conventions.put("means", "per class over the cases that score it, then over classes; 3D cases are scored on the reassembled volume");
        conventions.put("hd95", "max of the two directed 95th percentiles of surface distances (MONAI compute_hausdorff_distance)");
        conventions.put("assd", "mean of both directed surface-distance lists together (MONAI compute_average_surface_distance, symmetric)");
        conventions.put("empty_class", EMPTY_CLASS_RULE);
        ObjectNode selection = root.putObject("selection");
        selection.put("metric", "val_iou_mean");
        ArrayNode grid = selection.putArray("grid");
        for (GridPoint p : outcome.grid()) {
            ObjectNode g = grid.addObject();
            g.put("lr", p.lr());
            number(g, "val_iou_mean", p.valIouMean());
            if (!p.note().isEmpty()) g.put("note", p.note());
        }
        selection.put("chosen_lr", outcome.chosenLr());
        selection.put("final_training", outcome.finalTraining());
        ArrayNode trainCases = selection.putArray("train_cases");
        outcome.trainCases().forEach(trainCases::add);
        ArrayNode cases = root.putArray("per_case");
        for (ScoredCase sc : test.cases()) {
            ObjectNode c = cases.addObject();
            c.put("id", sc.caseId());
            ObjectNode byClass = c.putObject("classes");
            for (ClassScore s : sc.scores().classes()) {
                ObjectNode v = byClass.putObject(classes.name(s.label()));
                v.put("excluded", s.excluded());
                number(v, "dice", s.dice());
                number(v, "iou", s.iou());
                number(v, "hd95", s.hd95());
                number(v, "assd", s.assd());
                v.put("distance_capped", s.distanceCapped());
            }
        }
        root.putObject("timings").put("total_seconds", context.seconds());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String perCaseCsv(SegmentationClasses classes, SegmentationSummary test) {
        StringBuilder out = new StringBuilder("id,class,label,dice,iou,hd95,assd,pred_present,truth_present,distance_capped\n");
        for (ScoredCase sc : test.cases()) {
            for (ClassScore s : sc.scores().classes()) {
                out.append(csv(sc.caseId())).append(',').append(csv(classes.name(s.label()))).append(',').append(s.label())
                        .append(',').append(cell(s.dice())).append(',').append(cell(s.iou())).append(',').append(cell(s.hd95()))
                        .append(',').append(cell(s.assd())).append(',').append(s.predPresent()).append(',').append(s.truthPresent())
                        .append(',').append(s.distanceCapped()).append('\n');
            }
        }
        return out.toString();
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, v);
        else node.putNull(key);
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

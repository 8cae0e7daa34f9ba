package org.medino.report;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.medino.checkpoint.AtomicFiles;
import org.medino.metrics.ClassSummary;
import org.medino.metrics.SegmentationSummary;
import org.medino.segment.CasePrediction;
import org.medino.segment.GridPoint;
import org.medino.segment.LabelPng;
import org.medino.segment.LoadedCase;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SegmentationExperiment;
import org.medino.segment.SliceAxis;
import org.medino.segment.Slicing;
import org.medino.transform.TypedImage;
import org.medino.transform.VolumeSlicer;

/**
 * {@code report.html} of a segmentation run, self-contained (overlays are inline PNG): the
 * per-class Dice/IoU/HD95/ASSD table, the learning-rate selection, and truth and prediction
 * overlays of test cases side by side (volumes: the slice with the most foreground in the truth).
 */
public final class SegmentationHtml {
    /** Enough overlays to judge a model, few enough to keep the file small. */
    public static final int MAX_OVERLAYS = 8;

    private SegmentationHtml() {}

    public static void write(Path file, String title, SegmentationClasses classes, SegmentationExperiment.Outcome outcome,
            SliceAxis axis) {
        AtomicFiles.writeText(file, render(title, classes, outcome, axis));
    }

    static String render(String title, SegmentationClasses classes, SegmentationExperiment.Outcome outcome, SliceAxis axis) {
        SegmentationSummary test = outcome.test();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}"
                        + "td:first-child{text-align:left}figure{display:inline-block;margin:0 1em 1em 0}"
                        + "img{image-rendering:pixelated;width:256px}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<h2>Test split (").append(test.cases().size()).append(" cases)</h2>");
        h.append("<table><tr><th>class</th><th>Dice</th><th>IoU</th><th>HD95 (mm)</th><th>ASSD (mm)</th><th>cases</th><th>capped</th></tr>");
        for (ClassSummary c : test.classes()) {
            h.append("<tr><td>").append(esc(classes.name(c.label()))).append(c.absent() ? " (absent)" : "").append("</td>")
                    .append(td(c.diceMean())).append(td(c.iouMean())).append(td(c.hd95Mean())).append(td(c.assdMean()))
                    .append("<td>").append(c.cases()).append("</td><td>").append(c.cappedCases()).append("</td></tr>");
        }
        h.append("<tr><th>mean</th>").append(td(test.diceMean())).append(td(test.iouMean())).append(td(test.hd95Mean()))
                .append(td(test.assdMean())).append("<td></td><td></td></tr></table>");
        h.append("<p>Background excluded. A class missing from one of prediction and truth scores Dice 0 and the image diagonal "
                + "as distance (counted under \"capped\").</p>");
        if (!outcome.grid().isEmpty()) {
            h.append("<h2>Learning-rate selection (val mean IoU)</h2><table><tr><th>lr</th><th>val IoU</th></tr>");
            for (GridPoint p : outcome.grid()) {
                h.append("<tr><td>").append(p.lr()).append(p.lr() == outcome.chosenLr() ? " (chosen)" : "").append("</td>")
                        .append(td(p.valIouMean())).append("</tr>");
            }
            h.append("</table>");
        }
        h.append("<p>Final network trained on ").append(esc(outcome.finalTraining())).append(" at lr ").append(outcome.chosenLr())
                .append(".</p><h2>Overlays: truth | prediction</h2>");
        List<CasePrediction> shown = outcome.predictions();
        for (CasePrediction p : shown.subList(0, Math.min(MAX_OVERLAYS, shown.size()))) {
            overlayPair(h, p, axis);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void overlayPair(StringBuilder h, CasePrediction p, SliceAxis axis) {
        LoadedCase c = p.loaded();
        int[] shape = c.spatialShape();
        float[] grey;
        int[] truth;
        int[] predicted;
        int hh;
        int ww;
        String where = "";
        if (c.isVolume()) {
            int a = axis.resolve(c.affine());
            int best = busiestSlice(c.labels(), shape, a);
            TypedImage plane = VolumeSlicer.cut(c.image(), a, best, false);
            grey = LabelPng.grey(plane.data(), plane.voxelsPerChannel(), plane.channels());
            truth = Slicing.cutLabels(c.labels(), shape, a, best);
            predicted = Slicing.cutLabels(p.predicted(), shape, a, best);
            hh = plane.spatialShape()[0];
            ww = plane.spatialShape()[1];
            where = " (slice " + best + " along axis " + a + ")";
        } else {
            grey = LabelPng.grey(c.image().data(), c.image().voxelsPerChannel(), c.image().channels());
            truth = c.labels();
            predicted = p.predicted();
            hh = shape[0];
            ww = shape[1];
        }
        h.append("<figure>").append(img(LabelPng.overlayPng(grey, truth, hh, ww))).append(img(LabelPng.overlayPng(grey, predicted, hh, ww)))
                .append("<figcaption>").append(esc(c.id())).append(esc(where)).append("</figcaption></figure>");
    }

    private static int busiestSlice(int[] labels, int[] shape, int axis) {
        int best = shape[axis] / 2;
        long bestCount = -1;
        for (int s = 0; s < shape[axis]; s++) {
            long count = 0;
            for (int v : Slicing.cutLabels(labels, shape, axis, s)) if (v != 0) count++;
            if (count > bestCount) {
                bestCount = count;
                best = s;
            }
        }
        return best;
    }

    private static String img(byte[] png) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }

    private static String td(double v) {
        return "<td>" + (Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "–") + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.medino.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medino.eval.Predictions;

/**
 * A self-contained {@code report.html}: the results table and plots drawn as inline SVG (few-shot
 * curves, the confusion matrix and ROC curves of the best result), so it opens offline in any
 * browser with nothing to fetch.
 */
final class HtmlReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private HtmlReport() {}

    static String render(Results r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>medino ").append(esc(r.command()))
                .append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}"
                        + "td:first-child,td:nth-child(2){text-align:left}.ci{color:#888;font-size:85%}"
                        + "svg{margin:1em 2em 1em 0}</style></head><body>");
        h.append("<h1>medino ").append(esc(r.command())).append("</h1>");
        h.append("<p>").append(esc(describe(r.model()))).append("<br>").append(esc(describe(r.dataset()))).append("</p>");
        table(h, r);
        ResultEntry best = best(r.entries());
        fewShot(h, r.entries());
        if (best != null && best.predictions() != null && r.truth() != null) {
            h.append("<h2>Best result: ").append(esc(best.protocol())).append(' ').append(esc(ResultsWriter.settingJson(best.setting()))).append("</h2>");
            confusion(h, best.predictions(), r.truth(), r.classNames());
            roc(h, best.predictions(), r.truth(), r.classNames());
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String describe(Map<String, Object> m) {
        return m == null ? "" : m.toString();
    }

    private static void table(StringBuilder h, Results r) {
        List<String> names = new ArrayList<>();
        r.entries().forEach(e -> e.metrics().keySet().forEach(k -> { if (!names.contains(k)) names.add(k); }));
        h.append("<h2>Results</h2><table><tr><th>protocol</th><th>setting</th>");
        names.forEach(n -> h.append("<th>").append(esc(n)).append("</th>"));
        h.append("</tr>");
        for (ResultEntry e : r.entries()) {
            h.append("<tr><td>").append(esc(e.protocol())).append("</td><td>").append(esc(ResultsWriter.settingJson(e.setting()))).append("</td>");
            for (String n : names) {
                MetricInterval v = e.metrics().get(n);
                h.append("<td>");
                if (v != null) {
                    h.append(fmt(v.value()));
                    if (Double.isFinite(v.lower())) {
                        h.append(" <span class=\"ci\">[").append(fmt(v.lower())).append(", ").append(fmt(v.upper())).append("]</span>");
                    }
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    /** Of the entries that kept their predictions, the one with the best headline metric (AUROC when present, else accuracy). */
    static ResultEntry best(List<ResultEntry> entries) {
        return entries.stream().filter(e -> e.predictions() != null && headline(e) != null)
                .max(Comparator.comparingDouble(e -> headline(e).value())).orElse(null);
    }

    private static MetricInterval headline(ResultEntry e) {
        MetricInterval auroc = e.metrics().get("auroc");
        if (auroc != null && Double.isFinite(auroc.value())) return auroc;
        MetricInterval acc = e.metrics().get("accuracy");
        return acc != null && Double.isFinite(acc.value()) ? acc : null;
    }

    /** Headline metric against the number of shots, one line per protocol (entries with a "shots" setting). */
    private static void fewShot(StringBuilder h, List<ResultEntry> entries) {
        Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
        String metric = null;
        for (ResultEntry e : entries) {
            Object shots = e.setting().get("shots");
            MetricInterval v = headline(e);
            if (shots instanceof Number n && v != null) {
                metric = e.metrics().containsKey("auroc") ? "auroc" : "accuracy";
                series.computeIfAbsent(e.protocol(), k -> new TreeMap<>()).put(n.doubleValue(), v.value());
            }
        }
        if (series.isEmpty()) return;
        h.append("<h2>Few-shot</h2>");
        Svg svg = new Svg(480, 320, "shots per class (log scale)", metric);
        double maxShots = series.values().stream().mapToDouble(TreeMap::lastKey).max().orElse(1);
        for (double shots : series.values().iterator().next().keySet()) {
            svg.xTick(Math.log(shots) / Math.log(Math.max(2, maxShots)), String.valueOf((int) shots));
        }
        int i = 0;
        for (Map.Entry<String, TreeMap<Double, Double>> s : series.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            s.getValue().forEach((x, y) -> pts.add(new double[] {Math.log(x) / Math.log(Math.max(2, maxShots)), y}));
            svg.line(pts, COLOURS[i % COLOURS.length], s.getKey(), i);
            i++;
        }
        h.append(svg.close());
    }

    private static void confusion(StringBuilder h, Predictions p, int[] truth, List<String> classes) {
        int c = p.classes();
        if (classes.size() != c || c > 30) return;
        int[][] m = new int[c][c];
        for (int i = 0; i < p.n(); i++) m[truth[i]][argmax(p, i)]++;
        int cell = Math.max(18, Math.min(48, 420 / c));
        int left = 120;
        int top = 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
                Math.max(left + c * cell + 20, 330), top + c * cell + 100));
        s.append("<text x=\"10\" y=\"18\" font-size=\"13\">confusion matrix (rows: truth, columns: predicted)</text>");
        for (int t = 0; t < c; t++) {
            int rowTotal = 0;
            for (int q = 0; q < c; q++) rowTotal += m[t][q];
            for (int q = 0; q < c; q++) {
                double shade = rowTotal == 0 ? 0 : (double) m[t][q] / rowTotal;
                int g = (int) Math.round(255 - 200 * shade);
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\" stroke=\"#fff\"/>",
                        left + q * cell, top + t * cell, cell, cell, g, g));
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
                        left + q * cell + cell / 2, top + t * cell + cell / 2 + 4, m[t][q]));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 4, top + t * cell + cell / 2 + 4, esc(classes.get(t))));
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(45)\" font-size=\"11\">%s</text>",
                    left + t * cell + cell / 2, top + c * cell + 10, esc(classes.get(t))));
        }
        h.append(s).append("</svg>");
    }

    /** ROC curve of class 1 (binary) or one-vs-rest per class (up to 10). */
    private static void roc(StringBuilder h, Predictions p, int[] truth, List<String> classes) {
        Svg svg = new Svg(360, 320, "false positive rate", "true positive rate");
        svg.line(List.of(new double[] {0, 0}, new double[] {1, 1}), "#bbb", null, -1);
        int c = p.classes();
        List<Integer> shown = c == 2 ? List.of(1) : new ArrayList<>();
        if (c != 2) for (int k = 0; k < Math.min(c, 10); k++) shown.add(k);
        int i = 0;
        for (int k : shown) {
            svg.line(rocPoints(p, truth, k), COLOURS[i % COLOURS.length], k < classes.size() ? classes.get(k) : Integer.toString(k), i);
            i++;
        }
        h.append(svg.close());
    }

    static List<double[]> rocPoints(Predictions p, int[] truth, int cls) {
        Integer[] order = new Integer[p.n()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Float.compare(p.score(b, cls), p.score(a, cls)));
        int pos = 0;
        for (int t : truth) if (t == cls) pos++;
        int neg = truth.length - pos;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (truth[order[k]] == cls) tp++; else fp++;
            boolean tieNext = k + 1 < order.length && p.score(order[k + 1], cls) == p.score(order[k], cls);
            if (!tieNext) pts.add(new double[] {neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos});
        }
        return pts;
    }

    private static int argmax(Predictions p, int row) {
        int best = 0;
        for (int k = 1; k < p.classes(); k++) if (p.score(row, k) > p.score(row, best)) best = k;
        return best;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A unit-square plot: x and y in [0, 1] mapped to the drawing area, with axes and a legend. */
    private static final class Svg {
        private final StringBuilder s = new StringBuilder();
        private final int w;
        private final int hgt;
        private static final int PAD = 45;

        Svg(int w, int h, String xLabel, String yLabel) {
            this.w = w;
            this.hgt = h;
            s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", w, h));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", PAD, w - PAD - 10, h - PAD - 10));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>", (w + PAD) / 2, h - 8, esc(xLabel)));
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%d) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\">%s</text>", h / 2, esc(yLabel)));
            for (double t = 0; t <= 1.0001; t += 0.5) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.1f</text>", PAD - 4, y(t) + 3, t));
            }
        }

        private double x(double v) {
            return PAD + v * (w - PAD - 10);
        }

        private double y(double v) {
            return 10 + (1 - v) * (hgt - PAD - 10);
        }

        void xTick(double at, String label) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    x(at), y(0) + 14, esc(label)));
        }

        void line(List<double[]> pts, String colour, String label, int index) {
            StringBuilder d = new StringBuilder();
            for (double[] p : pts) d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(p[0]), y(p[1])));
            s.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
            for (double[] p : pts) {
                if (pts.size() <= 12) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x(p[0]), y(p[1]), colour));
                }
            }
            if (label != null) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>", PAD + 8, 26 + 14 * index, colour, esc(label)));
            }
        }

        String close() {
            return s + "</svg>";
        }
    }
}

package org.medino.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.medino.MedinoException;

/**
 * Reads a manifest CSV (schema in MANIFEST.md) into a {@link Dataset}, checking every row first and
 * reporting every problem at once; see {@link BadRowPolicy} for what happens to bad rows.
 */
public final class ManifestReader {
    /** How many declared classes an "unknown label" message lists. */
    private static final int MAX_CLASSES_SHOWN = 10;

    private ManifestReader() {}

    /**
     * Reads and validates {@code manifest}.
     *
     * @throws BadRowsException when there are bad rows and the policy is FAIL, or when a column is missing
     * @throws PatientLeakageException when a patient is in two splits and that was not allowed
     * @throws MedinoException when the file cannot be read or is not CSV
     */
    public static Dataset read(Path manifest, ManifestOptions options) {
        String source = manifest.toString();
        String text = readUtf8(manifest);
        Path base = manifest.toAbsolutePath().getParent();
        LineIndex lines = new LineIndex(text);

        List<CSVRecord> records;
        List<String> header;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true) // a blank line holds no sample; RFC 4180 would make it a one-field row
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IllegalArgumentException e) {
            // commons-csv reports a repeated column name this way
            throw new MedinoException(source + ": line 1: bad header: " + oneLine(e.getMessage()), e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MedinoException(source + ": not valid CSV: " + oneLine(e.getMessage()), e);
        }
        if (header.isEmpty()) throw new MedinoException(source + ": empty manifest, expected a header line");

        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).trim();
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                throw new MedinoException(source + ": line 1: column " + name + " appears twice");
            }
        }
        return new Validation(source, base, header.size(), columns, options, records, lines).run();
    }

    /**
     * A manifest's text: strict UTF-8 (a Latin-1 manifest would otherwise turn names into mojibake),
     * BOM dropped; a missing or unreadable file is a one-line error naming it.
     */
    public static String readUtf8(Path manifest) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (NoSuchFileException e) {
            throw new MedinoException(manifest + ": manifest not found", e);
        } catch (IOException e) {
            throw new MedinoException(manifest + ": cannot read manifest: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MedinoException(manifest + ": not UTF-8 text; save the manifest as UTF-8", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    /** One validation pass over one manifest: collects problems, then applies the policy. */
    private static final class Validation {
        private final String source;
        private final Path base;
        private final int headerSize;
        private final Map<String, Integer> columns;
        private final ManifestOptions options;
        private final List<CSVRecord> records;
        private final LineIndex lines;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<Path, Object> probed = new HashMap<>();
        private boolean headerBroken;

        Validation(String source, Path base, int headerSize, Map<String, Integer> columns, ManifestOptions options,
                List<CSVRecord> records, LineIndex lines) {
            this.source = source;
            this.base = base;
            this.headerSize = headerSize;
            this.columns = columns;
            this.options = options;
            this.records = records;
            this.lines = lines;
        }

        Dataset run() {
            checkHeader();
            List<String> classNames = classNames();
            LabelKind kind = options.multiLabel() ? LabelKind.MULTI
                    : columns.containsKey(ManifestColumns.LABEL) ? LabelKind.SINGLE : LabelKind.NONE;

            List<Sample> good = new ArrayList<>();
            Map<String, Integer> firstLine = new HashMap<>();
            for (CSVRecord record : records) {
                int line = lines.lineOf(record.getCharacterPosition());
                int before = problems.size();
                Sample sample = row(record, line, classNames, kind, firstLine);
                if (problems.size() == before && sample != null) good.add(sample);
            }

            ValidationReport report = new ValidationReport(source, problems);
            if (headerBroken || (!report.isEmpty() && options.policy() == BadRowPolicy.FAIL)) {
                throw new BadRowsException(report);
            }
            List<String> warnings = new ArrayList<>();
            if (!report.isEmpty()) warnings.add("skipped " + report.summary());
            warnings.addAll(LeakageCheck.enforce(source, good, options.allowPatientLeakage()));
            return new Dataset(source, good, kind, classNames, options.modalityNames(), report, warnings);
        }

        /** Missing columns are problems of line 1; the rows are still checked so that all is listed at once. */
        private void checkHeader() {
            List<String> required = new ArrayList<>();
            required.add(ManifestColumns.ID);
            required.addAll(options.imageColumns());
            if (options.multiLabel()) {
                required.addAll(options.findings());
            } else if (options.labelled()) {
                required.add(ManifestColumns.LABEL);
            }
            for (String name : required) {
                if (!columns.containsKey(name)) {
                    problems.add(new Problem(1, "", name, "missing required column: " + name + " (header has " + columns.keySet() + ")"));
                    headerBroken = true;
                }
            }
        }

        /**
         * Declared classes, finding names, or the sorted distinct labels of every row: of every row,
         * not only the good ones, so that a missing file does not shift the indices of the others.
         */
        private List<String> classNames() {
            if (options.multiLabel()) return options.findings();
            if (options.classes() != null) return options.classes();
            Integer col = columns.get(ManifestColumns.LABEL);
            if (col == null) return List.of();
            Set<String> seen = new LinkedHashSet<>();
            for (CSVRecord r : records) {
                String v = value(r, col);
                if (v != null && !v.isEmpty() && r.size() == headerSize) seen.add(v);
            }
            return ClassNames.sorted(seen);
        }

        private Sample row(CSVRecord record, int line, List<String> classNames, LabelKind kind, Map<String, Integer> firstLine) {
            String id = text(record, ManifestColumns.ID);
            if (record.size() != headerSize) {
                // the fields are shifted, so checking them one by one would only report noise
                problems.add(new Problem(line, id, "", "row has " + record.size() + " fields, header has " + headerSize));
                return null;
            }
            if (columns.containsKey(ManifestColumns.ID)) {
                if (id.isEmpty()) {
                    problems.add(new Problem(line, id, ManifestColumns.ID, "empty id"));
                } else {
                    Integer first = firstLine.putIfAbsent(id, line);
                    if (first != null) problems.add(new Problem(line, id, ManifestColumns.ID, "duplicate id: " + id + " (first on line " + first + ")"));
                }
            }

            Map<String, ImageRef> images = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            List<String> imageColumns = options.imageColumns();
            List<String> modalityNames = options.modalityNames();
            for (int m = 0; m < imageColumns.size(); m++) {
                String column = imageColumns.get(m);
                if (!columns.containsKey(column)) continue;
                Path file = file(line, id, column, text(record, column), true, "image");
                if (file == null) continue;
                images.put(modalityNames.get(m), new ImageRef.FileRef(file));
                long[] shape = probe(line, id, column, file, "unreadable image");
                if (shape != null) shapes.put(column, shape);
            }

            ImageRef mask = null;
            if (columns.containsKey(ManifestColumns.MASK)) {
                Path file = file(line, id, ManifestColumns.MASK, text(record, ManifestColumns.MASK), false, "mask");
                if (file != null) {
                    mask = new ImageRef.FileRef(file);
                    long[] maskShape = probe(line, id, ManifestColumns.MASK, file, "unreadable mask");
                    if (maskShape != null) {
                        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                            if (!Shapes.maskFits(e.getValue(), maskShape)) {
                                problems.add(new Problem(line, id, ManifestColumns.MASK, "mask shape " + Arrays.toString(maskShape)
                                        + " does not match image shape " + Arrays.toString(e.getValue()) + " of column " + e.getKey()));
                            }
                        }
                    }
                }
            }

            Label label = kind == LabelKind.MULTI ? findings(record, line, id) : kind == LabelKind.SINGLE ? single(record, line, id, classNames) : null;

            Split split = null;
            String splitText = text(record, ManifestColumns.SPLIT);
            if (!splitText.isEmpty()) {
                split = Split.parse(splitText).orElse(null);
                if (split == null) problems.add(new Problem(line, id, ManifestColumns.SPLIT, "unknown split: '" + splitText + "' (expected train, val or test)"));
            }
            String patient = text(record, ManifestColumns.PATIENT_ID);

            if (id.isEmpty() || images.size() != imageColumns.size()) return null;
            return new Sample(id, images, label, mask, split, patient.isEmpty() ? null : patient);
        }

        private Label single(CSVRecord record, int line, String id, List<String> classNames) {
            String v = text(record, ManifestColumns.LABEL);
            if (v.isEmpty()) {
                if (options.labelled()) problems.add(new Problem(line, id, ManifestColumns.LABEL, "empty label"));
                return null;
            }
            int index = classNames.indexOf(v);
            if (index < 0) {
                List<String> shown = classNames.subList(0, Math.min(MAX_CLASSES_SHOWN, classNames.size()));
                String more = classNames.size() > shown.size() ? ", ..." : "";
                problems.add(new Problem(line, id, ManifestColumns.LABEL, "unknown label: '" + v + "' (declared classes: "
                        + String.join(", ", shown) + more + ")"));
                return null;
            }
            return Label.single(index);
        }

        /** 0/1 per finding; with unlabelled(), a row whose finding cells are all empty has no label. */
        private Label findings(CSVRecord record, int line, String id) {
            List<String> names = options.findings();
            int[] hot = new int[names.size()];
            int empty = 0;
            for (String name : names) if (text(record, name).isEmpty()) empty++;
            if (!options.labelled() && empty == names.size()) return null;
            boolean ok = true;
            for (int i = 0; i < names.size(); i++) {
                if (!columns.containsKey(names.get(i))) {
                    ok = false;
                    continue;
                }
                String v = text(record, names.get(i));
                if (v.equals("0") || v.equals("1")) {
                    hot[i] = v.charAt(0) - '0';
                } else {
                    problems.add(new Problem(line, id, names.get(i), v.isEmpty() ? "empty finding value (expected 0 or 1)"
                            : "finding value must be 0 or 1: '" + v + "'"));
                    ok = false;
                }
            }
            return ok ? Label.multi(hot) : null;
        }

        /** Resolves a path cell; null (with a problem when {@code required}) when empty, malformed or missing. */
        private Path file(int line, String id, String column, String value, boolean required, String what) {
            if (value.isEmpty()) {
                if (required) problems.add(new Problem(line, id, column, "empty " + what + " path"));
                return null;
            }
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                problems.add(new Problem(line, id, column, "invalid " + what + " path: '" + value + "'"));
                return null;
            }
            Path resolved = p.isAbsolute() ? p : base.resolve(p).normalize();
            // a directory is accepted: a DICOM series is one
            if (!Files.exists(resolved)) {
                problems.add(new Problem(line, id, column, what + " file not found: " + value + (p.isAbsolute() ? "" : " (looked for " + resolved + ")")));
                return null;
            }
            return resolved;
        }

        /** The shape from the probe, remembered per file; null when there is no probe or it failed. */
        private long[] probe(int line, String id, String column, Path file, String problem) {
            ImageProbe probe = options.probe();
            if (probe == null) return null;
            Object result = probed.computeIfAbsent(file, f -> {
                try {
                    return probe.shape(f);
                } catch (MedinoException e) {
                    return oneLine(e.getMessage());
                }
            });
            if (result instanceof long[] shape) return shape;
            problems.add(new Problem(line, id, column, problem + ": " + result));
            return null;
        }

        /** The trimmed cell of a named column; "" when the column or the field is absent. */
        private String text(CSVRecord record, String column) {
            Integer col = columns.get(column);
            if (col == null) return "";
            String v = value(record, col);
            return v == null ? "" : v;
        }

        private static String value(CSVRecord record, int col) {
            return col < record.size() ? record.get(col).trim() : null;
        }
    }
}

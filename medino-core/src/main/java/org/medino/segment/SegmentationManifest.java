package org.medino.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medino.MedinoException;
import org.medino.data.ManifestReader;
import org.medino.data.Split;

/**
 * Reads a segmentation manifest: a CSV with columns {@code image} (or {@code path}), {@code mask}
 * and {@code split}, and optionally {@code id} (default: the image path as written, which is unique
 * even when every subject folder holds a {@code slice_090.png}). Column names match in any case; the
 * text is read as {@link ManifestReader#readUtf8} reads any manifest. Paths are relative to the manifest's folder.
 * Every problem of every row is collected first and reported together, so one run shows them all.
 */
public final class SegmentationManifest {
    private SegmentationManifest() {}

    public static List<SegmentationCase> read(Path manifest) {
        Path base = manifest.toAbsolutePath().getParent();
        List<CSVRecord> records;
        Map<String, Integer> header;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        String text = ManifestReader.readUtf8(manifest);
        try (CSVParser parser = CSVParser.parse(text, format)) {
            header = parser.getHeaderMap();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MedinoException(manifest + ": not a readable CSV manifest: " + firstLine(e.getMessage()), e);
        }
        Map<String, String> columns = new java.util.HashMap<>(); // lower-case name → name as written
        header.keySet().forEach(name -> columns.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name));
        String imageColumn = columns.containsKey("image") ? columns.get("image") : columns.get("path");
        if (imageColumn == null || !columns.containsKey("mask") || !columns.containsKey("split")) {
            throw new MedinoException(manifest + ": a segmentation manifest needs the columns image, mask and split (found: "
                    + String.join(", ", header.keySet()) + ")");
        }
        String maskColumn = columns.get("mask");
        String splitColumn = columns.get("split");
        String idColumn = columns.get("id");
        List<String> problems = new ArrayList<>();
        List<SegmentationCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CSVRecord r : records) {
            int line = (int) r.getRecordNumber() + 1;
            if (!r.isConsistent()) {
                problems.add("line " + line + ": " + r.size() + " fields, the header has " + header.size());
                continue;
            }
            String image = r.get(imageColumn);
            String mask = r.get(maskColumn);
            String splitText = r.get(splitColumn);
            Optional<Split> split = Split.parse(splitText);
            if (image.isEmpty()) problems.add("line " + line + ": empty " + imageColumn);
            if (mask.isEmpty()) problems.add("line " + line + ": empty mask");
            if (split.isEmpty()) problems.add("line " + line + ": split '" + splitText + "' is not train, val or test");
            if (image.isEmpty() || mask.isEmpty() || split.isEmpty()) continue;
            Path imagePath = base.resolve(image);
            Path maskPath = base.resolve(mask);
            if (!Files.exists(imagePath)) problems.add("line " + line + ": image " + imagePath + " not found");
            if (!Files.exists(maskPath)) problems.add("line " + line + ": mask " + maskPath + " not found");
            String id = idColumn != null && !r.get(idColumn).isEmpty() ? r.get(idColumn) : image.replace('\\', '/');
            if (!ids.add(id)) problems.add("line " + line + ": id " + id + " appears twice");
            cases.add(new SegmentationCase(id, imagePath, maskPath, split.get(), line));
        }
        if (!problems.isEmpty()) {
            String shown = String.join("; ", problems.subList(0, Math.min(5, problems.size())));
            String more = problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : "";
            throw new MedinoException(manifest + ": " + shown + more);
        }
        if (cases.isEmpty()) throw new MedinoException(manifest + ": no rows");
        return cases;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

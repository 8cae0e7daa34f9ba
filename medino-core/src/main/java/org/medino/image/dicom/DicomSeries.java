package org.medino.image.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;

/**
 * A directory of single-frame DICOM files as volumes, one per Series Instance UID.
 *
 * <p>The directory is searched recursively (series are often spread over sub-folders), symbolic
 * links are not followed. Files that are not DICOM, DICOMDIR files, and DICOM files without an
 * image (no Rows) or without a Series Instance UID are skipped silently. A file whose header
 * cannot be parsed is skipped too: its series cannot be known, and one damaged file must not
 * block every other series. A file whose header parses but whose pixels do not is an error of
 * {@link #load}.
 */
public final class DicomSeries {
    private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

    private DicomSeries() {}

    /** The series in {@code dir}, sorted by Series Instance UID. */
    public static List<SeriesSummary> scan(Path dir) {
        return List.copyOf(collect(dir).values().stream().map(Group::summary).collect(Collectors.toList()));
    }

    /**
     * Loads one series as a (slice, row, col) volume — (slice, row, col, rgb) for colour — with
     * the Modality LUT applied per file.
     *
     * @param seriesUid the series to load; null when {@code dir} holds exactly one series
     */
    public static MedicalImage load(Path dir, String seriesUid) {
        Map<String, Group> groups = collect(dir);
        if (groups.isEmpty()) {
            throw new MedinoException(dir + ": no DICOM images found");
        }
        Group group;
        if (seriesUid == null) {
            if (groups.size() > 1) {
                throw new MedinoException(dir + ": holds " + groups.size() + " series, choose one: " + describe(groups));
            }
            group = groups.values().iterator().next();
        } else {
            group = groups.get(seriesUid);
            if (group == null) {
                throw new MedinoException(dir + ": no series " + seriesUid + "; it holds " + describe(groups));
            }
        }
        return SeriesVolume.build(dir, group.uid, group.files);
    }

    private static String describe(Map<String, Group> groups) {
        StringBuilder sb = new StringBuilder();
        for (Group g : groups.values()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(g.uid).append(" (").append(g.files.size()).append(g.files.size() == 1 ? " file" : " files");
            if (g.description != null) sb.append(", \"").append(g.description).append('"');
            sb.append(')');
        }
        return sb.toString();
    }

    private static final class Group {
        final String uid;
        final String modality;
        final String description;
        final List<Path> files = new ArrayList<>();

        Group(String uid, String modality, String description) {
            this.uid = uid;
            this.modality = modality;
            this.description = description;
        }

        SeriesSummary summary() {
            return new SeriesSummary(uid, modality, description, files);
        }
    }

    private static Map<String, Group> collect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MedinoException(dir + ": not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MedinoException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        Map<String, Group> groups = new TreeMap<>();
        for (Path p : paths) {
            if (p.getFileName().toString().equalsIgnoreCase("DICOMDIR")) continue;
            DicomFile header;
            try {
                header = DicomParser.parse(p, true);
            } catch (MedinoException e) {
                continue; // not DICOM, or not readable: not part of any series
            }
            if (DICOMDIR_SOP_CLASS.equals(header.meta().string(Tags.MEDIA_STORAGE_SOP_CLASS_UID))) continue;
            DicomDataset ds = header.dataset();
            String uid = ds.string(Tags.SERIES_INSTANCE_UID);
            Integer rows;
            try {
                rows = ds.integer(Tags.ROWS);
            } catch (MedinoException e) {
                continue;
            }
            if (uid == null || rows == null) continue;
            groups.computeIfAbsent(uid, u -> new Group(u, ds.string(Tags.MODALITY), ds.string(Tags.SERIES_DESCRIPTION)))
                    .files.add(p);
        }
        return new LinkedHashMap<>(groups);
    }
}

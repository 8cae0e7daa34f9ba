package org.medino.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.medino.MedinoException;

/**
 * Reads a folder-per-class tree, {@code root/<class>/<files>} or {@code root/<split>/<class>/<files>}.
 *
 * <p>Rules:
 * <ul>
 *   <li>The layout is split-first when every folder directly under the root is a split name
 *       (train, val/valid/validation, test, any case), class-first when none is; a mix is refused
 *       rather than guessed, since a class called "test" next to real classes is more likely a
 *       mistake than a class.
 *   <li>Every file below a class folder, at any depth, whose name ends with one of the image
 *       extensions, is a sample; its id is its path relative to the root, with {@code /}.
 *   <li>Names starting with a dot (files and folders) are ignored: they are system or editor
 *       files. Other files that are not images, and files outside class folders, are ignored too
 *       but named in the dataset's warnings, so nothing is dropped unseen.
 *   <li>Class names are sorted as {@link ClassNames} does; with split folders they are the union
 *       over splits, so a class missing from one split keeps its index.
 *   <li>There are no patient ids: each image counts as its own patient.
 * </ul>
 */
public final class FolderTreeReader {
    /** How many example paths a warning names. */
    private static final int EXAMPLES = 3;

    private FolderTreeReader() {}

    public static Dataset read(Path root) {
        return read(root, FolderTreeOptions.defaults());
    }

    public static Dataset read(Path root, FolderTreeOptions options) {
        String source = root.toString();
        if (!Files.isDirectory(root)) throw new MedinoException(root + ": not a folder");
        List<Path> top = children(root, true);
        List<Path> topFiles = children(root, false);
        if (top.isEmpty()) throw new MedinoException(root + ": no class folders (expected root/<class>/<images> or root/<split>/<class>/<images>)");

        Map<Split, Path> splitDirs = new EnumMap<>(Split.class);
        List<String> others = new ArrayList<>();
        for (Path d : top) {
            Optional<Split> s = Split.parse(d.getFileName().toString());
            if (s.isPresent()) {
                if (splitDirs.put(s.get(), d) != null) {
                    throw new MedinoException(root + ": two folders name the " + s.get() + " split");
                }
            } else {
                others.add(d.getFileName().toString());
            }
        }
        if (!splitDirs.isEmpty() && !others.isEmpty()) {
            throw new MedinoException(root + ": split folders " + splitDirs.values().stream().map(p -> p.getFileName().toString()).toList()
                    + " next to other folders " + others + "; put every class inside a split folder, or rename the split folders");
        }

        Ignored ignored = new Ignored();
        ignored.stray.addAll(topFiles);
        // class folder -> split (null when the tree has no split folders)
        List<Path> classDirs = new ArrayList<>();
        List<Split> classSplits = new ArrayList<>();
        if (splitDirs.isEmpty()) {
            for (Path d : top) {
                classDirs.add(d);
                classSplits.add(null);
            }
        } else {
            for (Map.Entry<Split, Path> e : splitDirs.entrySet()) {
                ignored.stray.addAll(children(e.getValue(), false));
                for (Path d : children(e.getValue(), true)) {
                    classDirs.add(d);
                    classSplits.add(e.getKey());
                }
            }
        }

        TreeSet<String> names = new TreeSet<>();
        for (Path d : classDirs) names.add(d.getFileName().toString());
        List<String> classNames = ClassNames.sorted(names);

        List<Sample> samples = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < classDirs.size(); i++) {
            Path dir = classDirs.get(i);
            int label = classNames.indexOf(dir.getFileName().toString());
            List<Path> files = imagesUnder(dir, options, ignored);
            if (files.isEmpty()) empty.add(relative(root, dir));
            for (Path f : files) {
                String id = relative(root, f);
                if (options.probe() != null) {
                    try {
                        options.probe().shape(f);
                    } catch (MedinoException e) {
                        problems.add(new Problem(0, id, "", "unreadable image: " + e.getMessage()));
                        continue;
                    }
                }
                samples.add(Sample.of(id, new ImageRef.FileRef(f), Label.single(label), null, classSplits.get(i), null));
            }
        }
        samples.sort((a, b) -> a.id().compareTo(b.id()));

        ValidationReport report = new ValidationReport(source, problems);
        if (!report.isEmpty() && options.policy() == BadRowPolicy.FAIL) throw new BadRowsException(report);
        List<String> warnings = new ArrayList<>();
        if (!report.isEmpty()) warnings.add("skipped " + report.summary());
        if (!ignored.notImages.isEmpty()) warnings.add(source + ": ignored " + ignored.notImages.size() + " files that are not images by extension, e.g. " + examples(root, ignored.notImages));
        if (!ignored.stray.isEmpty()) warnings.add(source + ": ignored " + ignored.stray.size() + " files outside class folders, e.g. " + examples(root, ignored.stray));
        if (!empty.isEmpty()) warnings.add(source + ": class folders without images: " + empty);
        return new Dataset(source, samples, LabelKind.SINGLE, classNames, List.of(Sample.DEFAULT_MODALITY), report, warnings);
    }

    /** Files that are neither hidden nor images, seen while walking. */
    private static final class Ignored {
        final List<Path> notImages = new ArrayList<>();
        final List<Path> stray = new ArrayList<>();
    }

    /** Non-hidden folders (or files) directly in {@code dir}, sorted by name. */
    private static List<Path> children(Path dir, boolean folders) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !isHidden(p))
                    .filter(p -> folders == Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MedinoException(dir + ": cannot list folder: " + e.getMessage(), e);
        }
    }

    private static List<Path> imagesUnder(Path dir, FolderTreeOptions options, Ignored ignored) {
        List<Path> out = new ArrayList<>();
        for (Path f : children(dir, false)) {
            if (options.isImage(f.getFileName().toString())) out.add(f);
            else ignored.notImages.add(f);
        }
        for (Path sub : children(dir, true)) out.addAll(imagesUnder(sub, options, ignored));
        return out;
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String examples(Path root, List<Path> files) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(EXAMPLES, files.size()); i++) shown.add(relative(root, files.get(i)));
        return String.join(", ", shown);
    }
}

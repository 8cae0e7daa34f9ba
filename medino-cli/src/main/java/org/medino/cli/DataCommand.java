package org.medino.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medino.data.BadRowPolicy;
import org.medino.data.BadRowsException;
import org.medino.data.Dataset;
import org.medino.data.FolderTreeOptions;
import org.medino.data.FolderTreeReader;
import org.medino.data.ImageProbe;
import org.medino.data.ManifestOptions;
import org.medino.data.ManifestReader;
import org.medino.data.MedMnistReader;
import org.medino.data.NpzSource;
import org.medino.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medino data check}: validate a dataset before any run, listing every bad row at once. */
@Command(name = "data", description = "Work with datasets (manifest CSVs, folder-per-class trees, MedMNIST .npz).",
        subcommands = {DataCommand.Check.class})
final class DataCommand {
    @Command(name = "check",
            description = {"Read a dataset, open every image, and report: samples per split, classes, and every bad row",
                "(missing file, unreadable image, unknown label, mask shape not matching its image, duplicate id) and",
                "patients that appear in two splits. The manifest schema is in docs/manifest.md."},
            footer = {"", "Examples:", "  medino data check data/manifest.csv",
                "  medino data check data/brats.csv --modalities t1,t1c,t2,flair --skip-bad --report bad-rows.csv",
                "  medino data check data/chest/ --findings effusion,nodule", "  medino data check pneumoniamnist.npz"})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", description = "A manifest .csv, a folder-per-class tree, or a MedMNIST .npz.")
        Path dataset;

        @Option(names = "--modalities", split = ",", paramLabel = "COLUMNS", description = "Image columns of a multi-modal manifest, e.g. t1,t1c,t2,flair.")
        List<String> modalities;

        @Option(names = "--findings", split = ",", paramLabel = "COLUMNS", description = "0/1 finding columns of a multi-label manifest.")
        List<String> findings;

        @Option(names = "--classes", split = ",", paramLabel = "NAMES", description = "The allowed labels, in order; others are bad rows.")
        List<String> classes;

        @Option(names = "--skip-bad", description = "Go on without the bad rows (they are listed, and written with --report).")
        boolean skipBad;

        @Option(names = "--allow-leakage", description = "Accept patients that appear in two splits (they are still reported).")
        boolean allowLeakage;

        @Option(names = "--report", paramLabel = "FILE.csv", description = "Write the bad rows (line, id, column, problem) to this CSV.")
        Path report;

        @Override
        public Integer call() {
            Dataset d;
            try {
                d = read();
            } catch (BadRowsException e) {
                if (report != null) {
                    e.report().writeCsv(report);
                }
                e.report().lines().forEach(System.err::println);
                throw e;
            }
            if (report != null) {
                d.skipped().writeCsv(report);
            }
            System.out.printf(Locale.ROOT, "%s: %d samples (%s labels", d.source(), d.size(), d.labelKind().name().toLowerCase(Locale.ROOT));
            if (!d.classNames().isEmpty()) {
                System.out.print(": " + String.join(", ", d.classNames()));
            }
            System.out.println(")");
            for (Split split : Split.values()) {
                System.out.printf(Locale.ROOT, "  %-5s %d%n", split.label(), d.samples(split).size());
            }
            if (!d.skipped().isEmpty()) {
                System.out.println("skipped " + d.skipped().badRowCount() + " bad rows:");
                d.skipped().lines().forEach(line -> System.out.println("  " + line));
            }
            d.warnings().forEach(w -> System.err.println("medino: warning: " + w));
            return 0;
        }

        private Dataset read() {
            BadRowPolicy policy = skipBad ? BadRowPolicy.SKIP : BadRowPolicy.FAIL;
            String name = dataset.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(dataset)) {
                return FolderTreeReader.read(dataset, FolderTreeOptions.defaults().withProbe(ImageProbe.readers()).withPolicy(policy));
            }
            if (name.endsWith(".npz")) {
                return new MedMnistReader(NpzSource.npz()).read(dataset);
            }
            ManifestOptions options = ManifestOptions.defaults().withProbe(ImageProbe.readers()).withPolicy(policy);
            if (modalities != null) options = options.withModalities(modalities.toArray(String[]::new));
            if (findings != null) options = options.withFindings(findings.toArray(String[]::new));
            if (classes != null) options = options.withClasses(classes.toArray(String[]::new));
            if (allowLeakage) options = options.allowingPatientLeakage();
            return ManifestReader.read(dataset, options);
        }
    }
}

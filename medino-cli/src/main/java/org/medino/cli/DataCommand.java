package org.medino.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medino.data.BadRowsException;
import org.medino.data.Dataset;
import org.medino.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medino data check}: validate a dataset before any run, listing every bad row at once. */
@Command(mixinStandardHelpOptions = true, name = "data", description = "Work with datasets (manifest CSVs, folder-per-class trees, MedMNIST .npz).",
        subcommands = {DataCommand.Check.class})
final class DataCommand {
    @Command(mixinStandardHelpOptions = true, name = "check",
            description = {"Read a dataset, open every image, and report: samples per split, classes, and every bad row",
                "(missing file, unreadable image, unknown label, mask shape not matching its image, duplicate id) and",
                "patients that appear in two splits. The manifest schema is in docs/manifest.md."},
            footer = {"", "Examples:", "  medino data check data/manifest.csv",
                "  medino data check data/brats.csv --modalities t1,t1c,t2,flair --skip-bad --report bad-rows.csv",
                "  medino data check data/chest/ --findings effusion,nodule", "  medino data check pneumoniamnist.npz"})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", description = "A manifest .csv, a folder-per-class tree, or a MedMNIST .npz.")
        Path dataset;

        @Mixin
        DatasetArgs datasetArgs = new DatasetArgs();

        @Option(names = "--report", paramLabel = "FILE.csv", description = "Write the bad rows (line, id, column, problem) to this CSV.")
        Path report;

        @Override
        public Integer call() {
            Dataset d;
            try {
                d = datasetArgs.read(dataset);
            } catch (BadRowsException e) {
                if (report != null) {
                    e.report().writeCsv(report);
                }
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
    }
}

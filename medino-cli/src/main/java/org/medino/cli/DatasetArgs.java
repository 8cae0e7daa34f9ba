package org.medino.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import picocli.CommandLine.Option;

/** The options that say how to read a dataset, shared by every command that reads one. */
final class DatasetArgs {
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

    /**
     * Reads a manifest .csv, a folder-per-class tree or a MedMNIST .npz. Bad rows are printed, one per
     * line, before the error that stops the run.
     */
    Dataset read(Path dataset) {
        BadRowPolicy policy = skipBad ? BadRowPolicy.SKIP : BadRowPolicy.FAIL;
        String name = dataset.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
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
        } catch (BadRowsException e) {
            e.report().lines().forEach(System.err::println);
            throw e;
        }
    }
}

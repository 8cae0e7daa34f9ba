package org.medino.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.medino.MedinoException;
import org.medino.image.ImageReaders;
import org.medino.image.NdArray;
import org.medino.image.npy.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medino export}: the voxel values of an image as a NumPy array. */
@Command(
        mixinStandardHelpOptions = true,
        name = "export",
        description = {"Write an image's voxel values to .npy: float32, or float64 where float32 would lose values.",
            "Axis order: a DICOM image as pydicom's pixel_array ((rows, cols), (frames, rows, cols), colour last as RGB)",
            "with the Modality LUT applied; a DICOM series folder as (slices, rows, cols); NIfTI as nibabel's get_fdata();",
            "rasters as (rows, cols[, 3])."},
        footer = {"", "Examples:", "  medino export scans/ct_series/ --out ct.npy", "  medino export brain.nii.gz --out brain.npy"})
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Image file or DICOM series folder.")
    Path path;

    @Option(names = "--out", required = true, paramLabel = "X.npy", description = "Where to write the array (atomically).")
    Path out;

    @Option(names = "--series", paramLabel = "UID", description = "Which series of a folder holding several.")
    String series;

    @Override
    public Integer call() {
        if (!out.getFileName().toString().endsWith(".npy")) {
            throw new MedinoException("--out " + out + ": the output must be a .npy file");
        }
        NdArray voxels = ImageReaders.read(path, series).image().voxels();
        Npy.write(out, voxels);
        System.out.println("wrote " + (voxels.isDouble() ? "float64" : "float32") + " " + Arrays.toString(voxels.shape()) + " to " + out);
        return 0;
    }
}

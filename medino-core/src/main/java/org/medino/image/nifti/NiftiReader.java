package org.medino.image.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;
import org.medino.image.codec.Inputs;
import org.medino.image.codec.RawArrayReader;

/**
 * Reads NIfTI-1 and NIfTI-2 images: single files ({@code .nii}, {@code .nii.gz}) and header/image
 * pairs ({@code .hdr} + {@code .img}, either possibly gzipped), in either byte order.
 *
 * <p>The result matches nibabel 5: voxels as {@code img.get_fdata()} (shape (dim1, dim2, ...),
 * scl_slope/scl_inter applied unless the slope is 0 or not finite), affine as {@code img.affine},
 * spacing as the first (up to) three zooms. Axes are named i, j, k, t, u, v, w. NIfTI says nothing
 * about modality, so it is null.
 *
 * <p>Not supported (refused with a message naming the datatype): RGB24, RGBA32, complex, float128
 * and 1-bit data; plain Analyze 7.5 headers; the FreeSurfer "-1 in dim[1]" large-vector hack.
 */
public final class NiftiReader {
    private static final String[] AXES = {"i", "j", "k", "t", "u", "v", "w"};

    private NiftiReader() {}

    public static MedicalImage read(Path file) {
        Path headerFile = file;
        Path dataFile = file;
        String name = file.getFileName().toString();
        String lower = name.toLowerCase();
        if (lower.endsWith(".hdr") || lower.endsWith(".hdr.gz")) {
            dataFile = sibling(file, name, "img");
        } else if (lower.endsWith(".img") || lower.endsWith(".img.gz")) {
            headerFile = sibling(file, name, "hdr");
        }
        try (InputStream in = Inputs.openMaybeGzip(headerFile)) {
            byte[] first = Inputs.readExactly(in, NiftiHeader.PROBE, headerFile, "NIfTI header");
            int size = NiftiHeader.headerSize(first, headerFile);
            byte[] raw = Arrays.copyOf(first, size);
            System.arraycopy(Inputs.readExactly(in, size - first.length, headerFile, "NIfTI header"), 0, raw, first.length, size - first.length);
            NiftiHeader h = NiftiHeader.parse(raw, headerFile);
            NdArray voxels;
            if (h.singleFile) {
                if (dataFile != headerFile) {
                    // A .hdr whose magic says single-file: the data follows the header in the same file.
                    dataFile = headerFile;
                }
                if (h.voxOffset < size) {
                    throw new MedinoException(file + ": vox_offset " + h.voxOffset + " lies inside the " + size + "-byte header");
                }
                Inputs.skipExactly(in, h.voxOffset - size, file, "header extensions");
                voxels = readVoxels(in, h, file);
            } else {
                try (InputStream data = Inputs.openMaybeGzip(dataFile)) {
                    Inputs.skipExactly(data, h.voxOffset, dataFile, "image file up to vox_offset");
                    voxels = readVoxels(data, h, dataFile);
                }
            }
            return toImage(h, voxels, file);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static NdArray readVoxels(InputStream in, NiftiHeader h, Path file) {
        return RawArrayReader.read(in, h.datatype.rawType(), h.order, h.dim, true, h.scaling(file), file);
    }

    private static MedicalImage toImage(NiftiHeader h, NdArray voxels, Path file) {
        int ndim = h.dim.length;
        double[] spacing = new double[Math.min(3, ndim)];
        for (int i = 0; i < spacing.length; i++) spacing[i] = h.pixdim[i + 1];
        double[] zooms = new double[ndim];
        for (int i = 0; i < ndim; i++) zooms[i] = h.pixdim[i + 1];
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("nifti_version", h.version);
        meta.put("datatype", h.datatype.numpyName);
        meta.put("byte_order", h.order.toString());
        meta.put("qform_code", h.qformCode);
        meta.put("sform_code", h.sformCode);
        meta.put("scl_slope", h.sclSlope);
        meta.put("scl_inter", h.sclInter);
        meta.put("xyzt_units", h.xyztUnits);
        meta.put("intent_code", h.intentCode);
        meta.put("descrip", h.descrip);
        meta.put("zooms", zooms);
        return new MedicalImage(voxels, Arrays.copyOf(AXES, ndim), spacing, NiftiAffines.best(h, file), null, meta);
    }

    /** x.hdr → x.img (keeping .gz if that file exists, else trying the other). */
    private static Path sibling(Path file, String name, String ext) {
        String lower = name.toLowerCase();
        boolean gz = lower.endsWith(".gz");
        String stem = name.substring(0, name.length() - (gz ? 7 : 4));
        boolean upper = Character.isUpperCase(name.charAt(stem.length() + 1));
        String e = upper ? ext.toUpperCase() : ext;
        Path plain = file.resolveSibling(stem + "." + e);
        Path zipped = file.resolveSibling(stem + "." + e + ".gz");
        if (gz) return Files.exists(zipped) || !Files.exists(plain) ? zipped : plain;
        return Files.exists(plain) || !Files.exists(zipped) ? plain : zipped;
    }
}

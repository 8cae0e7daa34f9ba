package org.medino.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.medino.MedinoException;

/** The file formats medino reads, told apart by name first and by content when the name says nothing. */
public enum ImageFormat {
    DICOM("dicom"),
    DICOM_SERIES("dicom-series"),
    NIFTI("nifti"),
    RASTER("raster"),
    NPY("npy");

    private final String label;

    ImageFormat(String label) {
        this.label = label;
    }

    /** The name used in {@code medino info}'s output. */
    public String label() {
        return label;
    }

    /** Detects the format of {@code path}; a folder is a DICOM series. */
    public static ImageFormat detect(Path path) {
        if (!Files.exists(path)) {
            throw new MedinoException(path + ": no such file or folder");
        }
        if (Files.isDirectory(path)) {
            return DICOM_SERIES;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img")
                || name.endsWith(".hdr.gz") || name.endsWith(".img.gz")) {
            return NIFTI;
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".tif")
                || name.endsWith(".tiff") || name.endsWith(".bmp")) {
            return RASTER;
        }
        if (name.endsWith(".dcm") || name.endsWith(".dicom")) {
            return DICOM;
        }
        return sniff(path);
    }

    private static ImageFormat sniff(Path path) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(544);
        } catch (IOException e) {
            throw new MedinoException(path + ": cannot read: " + e.getMessage(), e);
        }
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return DICOM;
        }
        if (startsWith(head, (byte) 0x93, (byte) 'N', (byte) 'U', (byte) 'M', (byte) 'P', (byte) 'Y')) {
            return NPY;
        }
        if (startsWith(head, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G') || startsWith(head, (byte) 0xFF, (byte) 0xD8)
                || startsWith(head, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0) || startsWith(head, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)) {
            return RASTER;
        }
        if (head.length >= 348 && (niftiMagic(head, 344) || niftiMagic(head, 4))) {
            return NIFTI;
        }
        // DICOM without preamble starts with a group 0002 or 0008 element, in either byte order.
        if (head.length >= 8 && ((head[0] == 2 || head[0] == 8) && head[1] == 0 || head[0] == 0 && (head[1] == 2 || head[1] == 8))) {
            return DICOM;
        }
        throw new MedinoException(path + ": unknown image format (expected DICOM, NIfTI, PNG/JPEG/TIFF or .npy)");
    }

    /** "n+1", "ni1", "n+2" or "ni2" at {@code at} (344 for NIfTI-1, 4 for NIfTI-2). */
    private static boolean niftiMagic(byte[] head, int at) {
        return head.length >= at + 3 && head[at] == 'n' && (head[at + 1] == '+' || head[at + 1] == 'i')
                && (head[at + 2] == '1' || head[at + 2] == '2');
    }

    private static boolean startsWith(byte[] head, byte... magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) return false;
        }
        return true;
    }
}

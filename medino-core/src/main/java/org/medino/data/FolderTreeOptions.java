package org.medino.data;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to read a folder-per-class tree: which file names are images, whether to open them, and
 * what to do with the ones that cannot be read. Immutable.
 *
 * @param extensions lower-case file name endings without the dot ({@code png}, {@code nii.gz})
 * @param probe opens every image to check it can be read, or null to trust the extension
 * @param policy what to do with unreadable images
 */
public record FolderTreeOptions(Set<String> extensions, ImageProbe probe, BadRowPolicy policy) {
    /** The formats medino's readers handle. A DICOM file without an extension is not recognised: rename it, or use a manifest. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "bmp", "tif", "tiff", "dcm", "nii", "nii.gz", "nrrd", "mha", "mhd");

    public FolderTreeOptions {
        TreeSet<String> lower = new TreeSet<>();
        for (String e : extensions) {
            String x = e.toLowerCase(Locale.ROOT);
            while (x.startsWith(".")) x = x.substring(1);
            if (x.isEmpty()) throw new IllegalArgumentException("empty file extension");
            lower.add(x);
        }
        extensions = Set.copyOf(lower);
        if (policy == null) throw new IllegalArgumentException("policy is null");
    }

    public static FolderTreeOptions defaults() {
        return new FolderTreeOptions(DEFAULT_EXTENSIONS, null, BadRowPolicy.FAIL);
    }

    public FolderTreeOptions withExtensions(String... names) {
        return new FolderTreeOptions(Set.of(names), probe, policy);
    }

    public FolderTreeOptions withProbe(ImageProbe imageProbe) {
        return new FolderTreeOptions(extensions, imageProbe, policy);
    }

    public FolderTreeOptions withPolicy(BadRowPolicy badRowPolicy) {
        return new FolderTreeOptions(extensions, probe, badRowPolicy);
    }

    /** True when the file name ends with one of the extensions, ignoring case. */
    public boolean isImage(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (lower.endsWith("." + e) && lower.length() > e.length() + 1) return true;
        }
        return false;
    }
}

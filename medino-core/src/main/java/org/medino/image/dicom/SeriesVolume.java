package org.medino.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.image.ExactArrayBuilder;
import org.medino.image.MedicalImage;

/**
 * Stacks the files of one series into a volume and places it in space.
 *
 * <p>Order: by the projection of Image Position (Patient) on the slice normal, the cross product
 * of the row and column direction cosines of Image Orientation (Patient) — ascending, so slice
 * index grows along the normal. When any file lacks a position or orientation, by Instance
 * Number instead (and then no affine).
 *
 * <p>Geometry: spacing = (slice spacing, row spacing, col spacing), the slice spacing being the
 * mean distance between consecutive positions along the normal; the affine maps (slice, row,
 * col) to RAS+ millimetres: DICOM patient coordinates are LPS, so x and y are negated. Its slice
 * column is the mean step between consecutive Image Positions (equal to normal × spacing unless
 * the gantry was tilted), so that every slice lands where its file says.
 */
final class SeriesVolume {
    /** Relative and absolute tolerance on slice steps before spacing is reported non-uniform. */
    private static final double REL_TOLERANCE = 0.01;
    private static final double ABS_TOLERANCE_MM = 0.01;
    private static final double ORIENTATION_TOLERANCE = 1e-4;

    private SeriesVolume() {}

    private record Slice(Path path, DicomFile file, double[] position, double[] orientation, Integer instance) {}

    static MedicalImage build(Path dir, String uid, List<Path> paths) {
        List<Slice> slices = new ArrayList<>();
        for (Path p : paths) {
            DicomFile f = DicomParser.parse(p, false);
            DicomDataset ds = f.dataset();
            double[] ipp = ds.numbers(Tags.IMAGE_POSITION_PATIENT);
            double[] iop = ds.numbers(Tags.IMAGE_ORIENTATION_PATIENT);
            slices.add(new Slice(p, f, ipp.length == 3 ? ipp : null, iop.length == 6 ? iop : null,
                    ds.integer(Tags.INSTANCE_NUMBER)));
        }
        String where = dir + ": series " + uid;
        boolean geometric = slices.stream().allMatch(s -> s.position != null && s.orientation != null);
        double[] normal = null;
        if (geometric) {
            double[] iop = slices.get(0).orientation;
            for (Slice s : slices) {
                for (int i = 0; i < 6; i++) {
                    if (Math.abs(s.orientation[i] - iop[i]) > ORIENTATION_TOLERANCE) {
                        throw new MedinoException(where + ": mixed Image Orientation (Patient) values, in "
                                + slices.get(0).path.getFileName() + " and " + s.path.getFileName());
                    }
                }
            }
            normal = cross(new double[] {iop[0], iop[1], iop[2]}, new double[] {iop[3], iop[4], iop[5]});
            double[] n = normal;
            slices.sort(Comparator.comparingDouble(s -> dot(s.position, n)));
            for (int i = 1; i < slices.size(); i++) {
                if (Math.abs(dot(slices.get(i).position, n) - dot(slices.get(i - 1).position, n)) < 1e-6) {
                    throw new MedinoException(where + ": " + slices.get(i - 1).path.getFileName() + " and "
                            + slices.get(i).path.getFileName() + " are at the same position");
                }
            }
        } else if (slices.stream().allMatch(s -> s.instance != null)) {
            slices.sort(Comparator.comparingInt(s -> s.instance));
        } else {
            throw new MedinoException(where + ": cannot order the slices (Image Position/Orientation (Patient) and"
                    + " Instance Number are missing in some files)");
        }

        // Pixels, checked for a common size, decoded slice by slice straight into the volume.
        PixelAttributes first = PixelAttributes.of(slices.get(0).file);
        int n = slices.size();
        int per = (int) first.valuesPerFrame();
        if ((long) per * n > PixelAttributes.MAX_VALUES) {
            throw new MedinoException(where + ": " + n + " slices are too many values for one array");
        }
        ExactArrayBuilder volume = new ExactArrayBuilder(per * n);
        for (int i = 0; i < n; i++) {
            Slice s = slices.get(i);
            PixelAttributes a = PixelAttributes.of(s.file);
            if (a.rows() != first.rows() || a.columns() != first.columns() || a.samplesPerPixel() != first.samplesPerPixel()) {
                throw new MedinoException(where + ": " + slices.get(0).path.getFileName() + " is " + first.rows() + " x "
                        + first.columns() + " x " + first.samplesPerPixel() + " but " + s.path.getFileName() + " is "
                        + a.rows() + " x " + a.columns() + " x " + a.samplesPerPixel());
            }
            if (a.frames() != 1) {
                throw new MedinoException(where + ": " + s.path.getFileName() + " has " + a.frames()
                        + " frames; read multi-frame files with DicomReader.read");
            }
            double[] values = PixelDecoder.decode(s.file, a);
            ModalityLut.apply(s.file.dataset(), values);
            volume.put(i * per, values);
        }

        DicomDataset ds0 = slices.get(0).file.dataset();
        double[] ps = HeaderFacts.pixelSpacing(ds0);
        double rowSpacing = ps != null ? ps[0] : Double.NaN;
        double colSpacing = ps != null ? ps[1] : Double.NaN;
        Double thickness = ds0.number(Tags.SLICE_THICKNESS);
        double sliceSpacing = thickness != null ? thickness : Double.NaN;
        Boolean uniform = null;
        Double deviation = null;
        double[][] affine = null;
        if (geometric) {
            double[] step;
            if (n > 1) {
                double[] proj = new double[n];
                for (int i = 0; i < n; i++) proj[i] = dot(slices.get(i).position, normal);
                sliceSpacing = (proj[n - 1] - proj[0]) / (n - 1);
                double worst = 0;
                for (int i = 1; i < n; i++) worst = Math.max(worst, Math.abs(proj[i] - proj[i - 1] - sliceSpacing));
                deviation = worst;
                uniform = worst <= Math.max(ABS_TOLERANCE_MM, REL_TOLERANCE * sliceSpacing);
                double[] a = slices.get(0).position;
                double[] b = slices.get(n - 1).position;
                step = new double[] {(b[0] - a[0]) / (n - 1), (b[1] - a[1]) / (n - 1), (b[2] - a[2]) / (n - 1)};
            } else {
                // One slice: the normal, scaled by the thickness when known.
                double t = Double.isNaN(sliceSpacing) ? 1.0 : sliceSpacing;
                step = new double[] {normal[0] * t, normal[1] * t, normal[2] * t};
            }
            if (ps != null) {
                double[] iop = slices.get(0).orientation;
                double[] origin = slices.get(0).position;
                affine = new double[4][4];
                for (int r = 0; r < 3; r++) {
                    double sign = r < 2 ? -1 : 1; // LPS -> RAS
                    affine[r][0] = sign * step[r];
                    affine[r][1] = sign * iop[3 + r] * rowSpacing; // down the rows: column direction cosines
                    affine[r][2] = sign * iop[r] * colSpacing; // along a row: row direction cosines
                    affine[r][3] = sign * origin[r];
                }
                affine[3][3] = 1;
            }
        }

        Map<String, Object> metadata = HeaderFacts.metadata(slices.get(0).file);
        metadata.put("frames", n);
        metadata.put("sop_instance_uid", null);
        metadata.put("instance_number", null);
        metadata.put("rescale_slope", common(slices, Tags.RESCALE_SLOPE));
        metadata.put("rescale_intercept", common(slices, Tags.RESCALE_INTERCEPT));
        metadata.put("slices", n);
        metadata.put("pixel_dtype", PixelDecoder.storedDtype(slices.get(0).file, first));
        metadata.put("slice_spacing", Double.isNaN(sliceSpacing) ? null : sliceSpacing);
        metadata.put("slice_spacing_uniform", uniform);
        metadata.put("slice_spacing_max_deviation", deviation);
        metadata.put("ordered_by", geometric ? "image_position" : "instance_number");
        List<Integer> instances = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Slice s : slices) {
            instances.add(s.instance);
            files.add(s.path.toString());
        }
        metadata.put("instance_numbers", java.util.Collections.unmodifiableList(instances));
        metadata.put("files", List.copyOf(files));

        boolean colour = first.samplesPerPixel() > 1;
        long[] shape = colour ? new long[] {n, first.rows(), first.columns(), first.samplesPerPixel()}
                : new long[] {n, first.rows(), first.columns()};
        String[] axes = colour ? new String[] {"slice", "row", "col", "rgb"} : new String[] {"slice", "row", "col"};
        return new MedicalImage(volume.build(shape), axes, new double[] {sliceSpacing, rowSpacing, colSpacing},
                affine, ds0.string(Tags.MODALITY), metadata);
    }

    /** The value shared by every slice, or the per-slice list when they differ (null when absent everywhere). */
    private static Object common(List<Slice> slices, int tag) {
        List<Double> values = new ArrayList<>();
        for (Slice s : slices) values.add(s.file.dataset().number(tag));
        if (values.stream().distinct().count() == 1) return values.get(0);
        return java.util.Collections.unmodifiableList(values);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}

package org.medino.image.raster;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;

/**
 * Reads PNG, JPEG and TIFF (first page) through Java ImageIO, with TwelveMonkeys' TIFF and JPEG
 * plugins on the class path for LZW / deflate / PackBits TIFF and awkward JPEGs.
 *
 * <p>Values are those of Pillow's {@code np.asarray(Image.open(p))}: raw samples, 16-bit grey kept
 * 16-bit (not scaled). Shape (rows, cols) for grey, (rows, cols, 3) for colour, axes
 * ["row", "col"(, "rgb")]. Where medino departs from Pillow, on purpose:
 * <ul>
 *   <li>an alpha channel is dropped (RGBA → RGB, grey+alpha → grey), since medino's models take
 *       grey or RGB;
 *   <li>palette images become RGB through the palette (Pillow's asarray would give the indices),
 *       i.e. {@code np.asarray(img.convert("RGB"))};
 *   <li>16-bit RGB PNG keeps the high byte of each sample, as Pillow does when it opens such a
 *       file as 8-bit "RGB"; 16-bit RGB TIFF keeps the 16-bit samples;
 *   <li>JPEG decoding may differ from libjpeg-turbo (Pillow) by a grey level or so in places (IDCT
 *       and chroma upsampling are implementation choices the JPEG standard allows).
 * </ul>
 * spacing and affine are null (PNG pHYs and TIFF resolution are display hints, not anatomy);
 * modality is null. CMYK and other colour spaces are refused.
 */
public final class RasterReader {
    private RasterReader() {}

    public static MedicalImage read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a label map: like {@link #read}, except that a palette (or 1/2/4-bit) image gives its
     * raw indices, as Pillow's {@code np.asarray} does for mode "P" — a mask saved as a palette PNG
     * stores its labels there, and the palette colours are only for display.
     */
    public static MedicalImage readLabels(Path file) {
        return read(file, true);
    }

    private static MedicalImage read(Path file, boolean indices) {
        if (!Files.isRegularFile(file)) throw new MedinoException(file + ": no such file");
        BufferedImage image;
        String format;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new MedinoException(file + ": cannot open");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new MedinoException(file + ": not a PNG, JPEG or TIFF image (format not recognised)");
            ImageReader reader = readers.next();
            try {
                format = reader.getFormatName().toLowerCase();
                reader.setInput(in, true, true);
                // A truncated JPEG is "decoded" with grey filling plus a warning; treat it as the
                // error it is (Pillow also raises "image file is truncated").
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (MedinoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MedinoException(file + ": corrupt or truncated image: " + msg.replaceAll("\\s+", " "), e);
        }
        if (!warnings.isEmpty()) {
            throw new MedinoException(file + ": corrupt or truncated image: " + warnings.get(0).replaceAll("\\s+", " "));
        }
        return toImage(file, format, image, indices);
    }

    private static MedicalImage toImage(Path file, String format, BufferedImage image, boolean indices) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", format);
        meta.put("bits_per_sample", bits);
        float[] values;
        boolean colour;
        if (cm instanceof IndexColorModel && bands == 1 && indices) {
            meta.put("palette", true);
            colour = false;
            int[] idx = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            values = new float[w * h];
            for (int p = 0; p < idx.length; p++) values[p] = idx[p];
        } else if (cm instanceof IndexColorModel icm && bands == 1) {
            meta.put("palette", true);
            colour = true;
            int[] idx = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            values = new float[w * h * 3];
            for (int p = 0; p < idx.length; p++) {
                values[3 * p] = icm.getRed(idx[p]);
                values[3 * p + 1] = icm.getGreen(idx[p]);
                values[3 * p + 2] = icm.getBlue(idx[p]);
            }
        } else {
            int csType = cm.getColorSpace().getType();
            int colours = cm.getNumColorComponents();
            if (csType == ColorSpace.TYPE_GRAY && colours == 1) {
                colour = false;
            } else if (csType == ColorSpace.TYPE_RGB && colours == 3) {
                colour = true;
            } else {
                throw new MedinoException(file + ": colour space with " + colours + " components (type " + csType + ") is not supported; only grey, RGB and palette are");
            }
            meta.put("alpha_dropped", cm.hasAlpha());
            int channels = colour ? 3 : 1;
            // 16-bit RGB PNG: Pillow opens it as 8-bit RGB keeping the high byte.
            int shift = colour && bits == 16 && format.equals("png") ? 8 : 0;
            values = new float[w * h * channels];
            double[] band = null;
            for (int c = 0; c < channels; c++) {
                band = raster.getSamples(0, 0, w, h, c, band);
                for (int p = 0, q = c; p < band.length; p++, q += channels) {
                    double v = band[p];
                    values[q] = (float) (shift == 0 ? v : ((int) v) >> shift);
                }
            }
        }
        NdArray voxels = colour ? NdArray.ofFloats(values, h, w, 3) : NdArray.ofFloats(values, h, w);
        String[] axes = colour ? new String[] {"row", "col", "rgb"} : new String[] {"row", "col"};
        return new MedicalImage(voxels, axes, null, null, null, meta);
    }
}

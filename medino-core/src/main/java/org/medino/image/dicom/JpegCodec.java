package org.medino.image.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import org.medino.MedinoException;

/**
 * JPEG frames (baseline, extended, lossless process 14).
 *
 * <p>The frame headers are checked here first (size, components, process), then the stream goes to
 * the TwelveMonkeys reader, read as a raw raster, or for 12-bit DCT JPEG to
 * {@link JpegDctDecoder}. Application segments (JFIF, Adobe, ICC, EXIF) and comments are removed
 * before decoding: the colour model comes from the photometric interpretation, as in GDCM, so they
 * carry nothing medino needs, and a malformed one (a truncated Adobe segment, say) would make
 * the JDK decoder fail on an otherwise valid image.
 */
final class JpegCodec {

    private static final String READER_PACKAGE = "com.twelvemonkeys.imageio.plugins.jpeg";

    private JpegCodec() {}

    /** What the frame header says. */
    record Frame(int marker, int precision, int rows, int columns, int components) {}

    static int[] decode(byte[] frame, FrameSpec spec) {
        List<int[]> segments = new ArrayList<>();
        Frame sof = scanHeaders(frame, segments);
        if (sof.columns() != spec.columns() || sof.rows() != spec.rows() || sof.components() != spec.samplesPerPixel()) {
            throw new MedinoException("image is " + sof.columns() + "x" + sof.rows() + " with " + sof.components()
                    + " sample(s) per pixel, the data set says " + DicomCodecs.describe(spec));
        }
        int[] samples;
        if (sof.marker() == 0xC3) {
            samples = readWithImageIo(frame, segments, spec); // lossless, any precision 2..16
        } else if (sof.precision() == 8) {
            samples = readWithImageIo(frame, segments, spec);
        } else if (sof.marker() == 0xC1 || sof.marker() == 0xC0) {
            samples = JpegDctDecoder.decode(frame, spec);
        } else {
            throw new MedinoException("progressive JPEG with " + sof.precision() + "-bit samples is not supported");
        }
        if (spec.signed()) {
            DicomCodecs.signExtend(samples, spec.bitsStored());
        }
        return samples;
    }

    /**
     * Walks the marker segments up to the first scan, collecting [start, end) of every segment kept
     * (application segments and comments are dropped) and returning the frame header.
     */
    static Frame scanHeaders(byte[] b, List<int[]> kept) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new MedinoException("not a JPEG stream (no SOI marker)");
        }
        Frame sof = null;
        int p = 2;
        while (true) {
            while (p < b.length && (b[p] & 0xFF) == 0xFF && p + 1 < b.length && (b[p + 1] & 0xFF) == 0xFF) {
                p++; // fill bytes
            }
            if (p + 4 > b.length) {
                throw new MedinoException("truncated JPEG stream (ends in the headers)");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw new MedinoException("corrupt JPEG stream (no marker at byte " + p + ")");
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xD9) {
                throw new MedinoException("corrupt JPEG stream (no image data)");
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                p += 2;
                continue;
            }
            int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            int end = p + 2 + length;
            if (length < 2 || end > b.length) {
                throw new MedinoException("truncated JPEG stream (segment runs past the end)");
            }
            if (marker == 0xDA) {
                if (sof == null) {
                    throw new MedinoException("corrupt JPEG stream (scan before frame header)");
                }
                kept.add(new int[] {p, b.length}); // the scan and everything after it, unchanged
                return sof;
            }
            if (isSof(marker)) {
                if (length < 8) {
                    throw new MedinoException("corrupt JPEG frame header");
                }
                if (marker >= 0xC9) {
                    throw new MedinoException("arithmetic-coded JPEG (SOF" + (marker - 0xC0) + ") is not supported");
                }
                if (marker >= 0xC5) {
                    throw new MedinoException("hierarchical JPEG (SOF" + (marker - 0xC0) + ") is not supported");
                }
                if (sof == null) {
                    sof = new Frame(marker, b[p + 4] & 0xFF, ((b[p + 5] & 0xFF) << 8) | (b[p + 6] & 0xFF),
                            ((b[p + 7] & 0xFF) << 8) | (b[p + 8] & 0xFF), b[p + 9] & 0xFF);
                }
            }
            boolean app = marker >= 0xE0 && marker <= 0xEF || marker == 0xFE;
            if (!app) {
                kept.add(new int[] {p, end});
            }
            p = end;
        }
    }

    private static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int[] readWithImageIo(byte[] frame, List<int[]> segments, FrameSpec spec) {
        ByteArrayOutputStream cleaned = new ByteArrayOutputStream(frame.length);
        cleaned.write(0xFF);
        cleaned.write(0xD8);
        for (int[] s : segments) {
            cleaned.write(frame, s[0], s[1] - s[0]);
        }
        ImageReader reader = ImageIoSupport.reader("jpeg", READER_PACKAGE, "TwelveMonkeys imageio-jpeg");
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        int[] samples = ImageIoSupport.samples(ImageIoSupport.readRaster(reader, cleaned.toByteArray()), spec);
        for (String w : warnings) {
            // libjpeg pads a truncated stream with grey and only warns: medino refuses it
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("premature end")) {
                throw new MedinoException("corrupt or truncated JPEG stream (" + ImageIoSupport.oneLine(new Exception(w)) + ")");
            }
        }
        return samples;
    }
}

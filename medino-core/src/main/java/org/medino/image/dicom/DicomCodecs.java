package org.medino.image.dicom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.medino.MedinoException;

/**
 * Decoders for encapsulated (compressed) DICOM pixel data, one frame at a time.
 *
 * <p>JPEG (baseline, extended 12-bit, lossless process 14) is read with the TwelveMonkeys ImageIO
 * plugin, except 12-bit lossy JPEG, which neither it nor the JDK reader can decode and which
 * {@link JpegDctDecoder} handles; JPEG 2000 is read with the jai-imageio plugin. Readers are
 * looked up through the ImageIO service registry, and always as raw rasters: the colour model
 * is decided here from the photometric interpretation, never from JFIF/Adobe markers.
 *
 * <p>The samples returned equal what pydicom returns for {@code pixel_array} with GDCM as its
 * pixel data handler, with YBR_FULL / YBR_FULL_422 then converted to RGB by pydicom's formula.
 */
public final class DicomCodecs {

    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

    private static final Set<String> JPEG = Set.of(JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_LOSSLESS_SV1);
    private static final Set<String> JPEG_2000_SYNTAXES = Set.of(JPEG_2000_LOSSLESS, JPEG_2000);

    private static final Map<String, String> NAMES = names();

    private DicomCodecs() {}

    /** True if medino can decode this encapsulated transfer syntax. */
    public static boolean supports(String transferSyntaxUid) {
        String uid = clean(transferSyntaxUid);
        return JPEG.contains(uid) || JPEG_2000_SYNTAXES.contains(uid);
    }

    /** True for the JPEG 2000 syntaxes (whose decoded values already follow the codestream's precision). */
    static boolean isJpeg2000(String transferSyntaxUid) {
        return JPEG_2000_SYNTAXES.contains(clean(transferSyntaxUid));
    }

    /**
     * A readable name for any transfer syntax UID, e.g. "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)";
     * unknown UIDs give "unknown transfer syntax (UID)".
     */
    public static String name(String transferSyntaxUid) {
        String uid = clean(transferSyntaxUid);
        String name = NAMES.get(uid);
        return (name == null ? "unknown transfer syntax" : name) + " (" + uid + ")";
    }

    /**
     * Decodes one compressed frame: samples row-major, interleaved R,G,B per pixel when
     * samplesPerPixel == 3 (always RGB: YCbCr is converted), sign-extended from bitsStored when
     * spec.signed().
     *
     * @throws MedinoException for an unsupported syntax, a corrupt or truncated stream, or a
     *                         frame whose size or sample count differs from the spec
     */
    public static int[] decode(String transferSyntaxUid, byte[] frame, FrameSpec spec) {
        String uid = clean(transferSyntaxUid);
        if (!supports(uid)) {
            throw new MedinoException("cannot decode pixel data in " + name(uid) + ": medino decodes only "
                    + "JPEG baseline, extended, lossless and JPEG 2000");
        }
        checkSpec(spec, uid);
        if (frame == null || frame.length == 0) {
            throw new MedinoException("empty " + name(uid) + " frame");
        }
        int[] samples;
        try {
            samples = JPEG.contains(uid) ? JpegCodec.decode(frame, spec) : Jpeg2000Codec.decode(frame, spec);
        } catch (MedinoException e) {
            throw new MedinoException(name(uid) + " frame: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // a corrupt header can ask a third-party decoder for absurd buffers
            throw new MedinoException(name(uid) + " frame: corrupt stream (decoder ran out of memory)", e);
        }
        if (samples.length != expectedSamples(spec)) {
            throw new MedinoException(name(uid) + " frame: decoded " + samples.length + " samples, expected "
                    + expectedSamples(spec));
        }
        if (spec.samplesPerPixel() == 3 && isYbrFull(spec.photometric())) {
            ybrFullToRgb(samples, spec.bitsStored());
        }
        return samples;
    }

    static long expectedSamples(FrameSpec spec) {
        return (long) spec.rows() * spec.columns() * spec.samplesPerPixel();
    }

    static String describe(FrameSpec spec) {
        return spec.columns() + "x" + spec.rows() + " with " + spec.samplesPerPixel() + " sample(s) per pixel";
    }

    private static void checkSpec(FrameSpec spec, String uid) {
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        String problem = null;
        if (spec.rows() <= 0 || spec.columns() <= 0) {
            problem = "Rows " + spec.rows() + " and Columns " + spec.columns() + " must be positive";
        } else if (spec.samplesPerPixel() != 1 && spec.samplesPerPixel() != 3) {
            problem = "Samples per Pixel " + spec.samplesPerPixel() + " is not 1 or 3";
        } else if (spec.bitsAllocated() < 1 || spec.bitsAllocated() > 32) {
            problem = "Bits Allocated " + spec.bitsAllocated() + " is not in 1..32";
        } else if (spec.bitsStored() < 1 || spec.bitsStored() > spec.bitsAllocated()) {
            problem = "Bits Stored " + spec.bitsStored() + " is not in 1..Bits Allocated (" + spec.bitsAllocated() + ")";
        } else if (expectedSamples(spec) > Integer.MAX_VALUE - 8) {
            problem = "a frame of " + describe(spec) + " is too large";
        }
        if (problem != null) {
            throw new MedinoException(name(uid) + " frame: " + problem);
        }
    }

    static boolean isYbrFull(String photometric) {
        String pi = photometric == null ? "" : photometric.trim();
        return pi.equals("YBR_FULL") || pi.equals("YBR_FULL_422");
    }

    /**
     * YCbCr (full range) to RGB in place, exactly as pydicom's {@code convert_color_space}: float32
     * arithmetic, round half up, clip. pydicom only handles 8 bits; wider samples use the same
     * matrix with the offset and clip scaled to the sample precision.
     */
    static void ybrFullToRgb(int[] s, int bits) {
        final float crToR = 1.402f;
        final float cbToG = (float) (-0.114 * 1.772 / 0.587);
        final float crToG = (float) (-0.299 * 1.402 / 0.587);
        final float cbToB = 1.772f;
        final float offset = 1 << (Math.min(bits, 16) - 1);
        final int max = (1 << Math.min(bits, 16)) - 1;
        for (int i = 0; i + 2 < s.length; i += 3) {
            float y = s[i];
            float cb = s[i + 1] - offset;
            float cr = s[i + 2] - offset;
            // same term order as the matrix product [y cb cr] x M (M's zero entries included)
            float r = (y * 1f + cb * 0f) + cr * crToR;
            float g = (y * 1f + cb * cbToG) + cr * crToG;
            float b = (y * 1f + cb * cbToB) + cr * 0f;
            s[i] = clip(r, max);
            s[i + 1] = clip(g, max);
            s[i + 2] = clip(b, max);
        }
    }

    private static int clip(float v, int max) {
        float rounded = (float) Math.floor(v + 0.5f);
        return rounded <= 0 ? 0 : rounded >= max ? max : (int) rounded;
    }

    /** Sign-extends every sample from its low {@code bits} bits, in place. */
    static void signExtend(int[] s, int bits) {
        if (bits <= 0 || bits >= 32) {
            return;
        }
        int shift = 32 - bits;
        for (int i = 0; i < s.length; i++) {
            s[i] = (s[i] << shift) >> shift;
        }
    }

    private static String clean(String uid) {
        if (uid == null) {
            return "null";
        }
        int end = uid.length();
        while (end > 0 && (uid.charAt(end - 1) == '\0' || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        return uid.substring(0, end).trim();
    }

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        String p = "1.2.840.10008.1.2";
        m.put(p, "Implicit VR Little Endian");
        m.put(p + ".1", "Explicit VR Little Endian");
        m.put(p + ".1.98", "Encapsulated Uncompressed Explicit VR Little Endian");
        m.put(p + ".1.99", "Deflated Explicit VR Little Endian");
        m.put(p + ".2", "Explicit VR Big Endian");
        m.put(p + ".4.50", "JPEG Baseline (Process 1)");
        m.put(p + ".4.51", "JPEG Extended (Process 2 & 4)");
        m.put(p + ".4.52", "JPEG Extended (Processes 3 & 5)");
        m.put(p + ".4.53", "JPEG Spectral Selection, Non-Hierarchical (Processes 6 & 8)");
        m.put(p + ".4.54", "JPEG Spectral Selection, Non-Hierarchical (Processes 7 & 9)");
        m.put(p + ".4.55", "JPEG Full Progression, Non-Hierarchical (Processes 10 & 12)");
        m.put(p + ".4.56", "JPEG Full Progression, Non-Hierarchical (Processes 11 & 13)");
        m.put(p + ".4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
        m.put(p + ".4.58", "JPEG Lossless, Non-Hierarchical (Process 15)");
        m.put(p + ".4.59", "JPEG Extended, Hierarchical (Processes 16 & 18)");
        m.put(p + ".4.60", "JPEG Extended, Hierarchical (Processes 17 & 19)");
        m.put(p + ".4.61", "JPEG Spectral Selection, Hierarchical (Processes 20 & 22)");
        m.put(p + ".4.62", "JPEG Spectral Selection, Hierarchical (Processes 21 & 23)");
        m.put(p + ".4.63", "JPEG Full Progression, Hierarchical (Processes 24 & 26)");
        m.put(p + ".4.64", "JPEG Full Progression, Hierarchical (Processes 25 & 27)");
        m.put(p + ".4.65", "JPEG Lossless, Hierarchical (Process 28)");
        m.put(p + ".4.66", "JPEG Lossless, Hierarchical (Process 29)");
        m.put(p + ".4.70", "JPEG Lossless, First-Order Prediction (Process 14, Selection Value 1)");
        m.put(p + ".4.80", "JPEG-LS Lossless");
        m.put(p + ".4.81", "JPEG-LS Near-Lossless");
        m.put(p + ".4.90", "JPEG 2000 Lossless Only");
        m.put(p + ".4.91", "JPEG 2000");
        m.put(p + ".4.92", "JPEG 2000 Part 2 Multi-component Lossless Only");
        m.put(p + ".4.93", "JPEG 2000 Part 2 Multi-component");
        m.put(p + ".4.94", "JPIP Referenced");
        m.put(p + ".4.95", "JPIP Referenced Deflate");
        m.put(p + ".4.100", "MPEG2 Main Profile @ Main Level");
        m.put(p + ".4.100.1", "Fragmentable MPEG2 Main Profile @ Main Level");
        m.put(p + ".4.101", "MPEG2 Main Profile @ High Level");
        m.put(p + ".4.101.1", "Fragmentable MPEG2 Main Profile @ High Level");
        m.put(p + ".4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1");
        m.put(p + ".4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1");
        m.put(p + ".4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
        m.put(p + ".4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
        m.put(p + ".4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video");
        m.put(p + ".4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video");
        m.put(p + ".4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video");
        m.put(p + ".4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video");
        m.put(p + ".4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2");
        m.put(p + ".4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2");
        m.put(p + ".4.107", "HEVC/H.265 Main Profile / Level 5.1");
        m.put(p + ".4.108", "HEVC/H.265 Main 10 Profile / Level 5.1");
        m.put(p + ".4.201", "High-Throughput JPEG 2000 Lossless Only");
        m.put(p + ".4.202", "High-Throughput JPEG 2000 with RPCL Options Lossless Only");
        m.put(p + ".4.203", "High-Throughput JPEG 2000");
        m.put(p + ".4.204", "JPIP HTJ2K Referenced");
        m.put(p + ".4.205", "JPIP HTJ2K Referenced Deflate");
        m.put(p + ".5", "RLE Lossless");
        m.put(p + ".6.1", "RFC 2557 MIME Encapsulation");
        m.put(p + ".6.2", "XML Encoding");
        m.put(p + ".7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video");
        m.put(p + ".7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video");
        m.put(p + ".7.3", "SMPTE ST 2110-30 PCM Digital Audio");
        m.put(p + ".8.1", "Deflated Image Frame Compression");
        return Map.copyOf(m);
    }
}

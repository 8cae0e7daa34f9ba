package org.medino.image.dicom;

import java.util.Map;

/**
 * PLACEHOLDER for the codec layer written elsewhere (JPEG, JPEG 2000). It keeps the real
 * signatures so that the reader compiles and is tested against them; it decodes nothing.
 */
public final class DicomCodecs {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", "Implicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
            Map.entry("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    private DicomCodecs() {}

    /** True if medino can decode this encapsulated transfer syntax (JPEG baseline/extended/lossless, JPEG 2000). */
    public static boolean supports(String transferSyntaxUid) {
        return false;
    }

    /** A readable name for a transfer syntax UID, e.g. "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)". */
    public static String name(String transferSyntaxUid) {
        String name = NAMES.get(transferSyntaxUid);
        return name == null ? "transfer syntax " + transferSyntaxUid : name + " (" + transferSyntaxUid + ")";
    }

    /** Decodes one compressed frame: samples row-major, interleaved R,G,B per pixel when samplesPerPixel == 3 (always RGB: YCbCr is converted), sign-extended when spec.signed(). */
    public static int[] decode(String transferSyntaxUid, byte[] frame, FrameSpec spec) {
        throw new UnsupportedOperationException("codec layer not installed");
    }
}

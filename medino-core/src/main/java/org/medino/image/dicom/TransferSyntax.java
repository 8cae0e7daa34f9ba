package org.medino.image.dicom;

/**
 * How the data set after the file meta is encoded: VR explicit or not, byte order, deflate, and
 * whether the pixel data is encapsulated (compressed fragments) rather than native.
 */
record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    static TransferSyntax of(String uid) {
        switch (uid) {
            case IMPLICIT_LE:
                return new TransferSyntax(uid, false, false, false, false);
            case EXPLICIT_LE:
                return new TransferSyntax(uid, true, false, false, false);
            case DEFLATED_LE:
                return new TransferSyntax(uid, true, false, true, false);
            case EXPLICIT_BE:
                return new TransferSyntax(uid, true, true, false, false);
            default:
                // Every other transfer syntax (JPEG, RLE, MPEG, ...) is explicit VR little endian with
                // encapsulated pixel data (PS3.5 A.4). Private native ones are rare enough to ignore.
                return new TransferSyntax(uid, true, false, false, true);
        }
    }
}

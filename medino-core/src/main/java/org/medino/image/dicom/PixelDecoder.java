package org.medino.image.dicom;

import java.util.List;
import org.medino.MedinoException;

/**
 * The stored sample values of a file's pixel data, as pydicom's {@code pixel_array} holds them
 * (before the Modality LUT): native data, RLE Lossless here, every other encapsulated syntax via
 * {@link DicomCodecs}. YBR_FULL / YBR_FULL_422 colour comes out as RGB.
 */
final class PixelDecoder {
    /** PackBits expands at most 2 bytes into 128: RLE data shorter than 1/64 of its image is forged. */
    private static final int RLE_MAX_EXPANSION = 64;

    private PixelDecoder() {}

    static DicomElement pixelElement(DicomFile file) {
        DicomDataset ds = file.dataset();
        for (int tag : new int[] {Tags.PIXEL_DATA, Tags.FLOAT_PIXEL_DATA, Tags.DOUBLE_FLOAT_PIXEL_DATA}) {
            DicomElement e = ds.get(tag);
            if (e != null) return e;
        }
        return null;
    }

    /** The element type of pydicom's pixel_array for this file, in numpy's spelling ("int16", "float32", ...). */
    static String storedDtype(DicomFile file, PixelAttributes a) {
        DicomElement element = pixelElement(file);
        if (element != null && element.tag() == Tags.FLOAT_PIXEL_DATA) return "float32";
        if (element != null && element.tag() == Tags.DOUBLE_FLOAT_PIXEL_DATA) return "float64";
        if (a.bitsAllocated() == 1) return "uint8";
        return (a.signed() ? "int" : "uint") + a.bitsAllocated();
    }

    static double[] decode(DicomFile file, PixelAttributes a) {
        DicomElement element = pixelElement(file);
        if (element == null) {
            throw new MedinoException(file.name() + ": no pixel data (7FE0,0010) in this file");
        }
        TransferSyntax ts = file.transferSyntax();
        double[] values;
        if (!ts.encapsulated()) {
            values = NativePixels.decode(file, element, a);
        } else if (element.fragments() == null) {
            throw new MedinoException(file.name() + ": pixel data is not encapsulated but the transfer syntax "
                    + DicomCodecs.name(ts.uid()) + " is");
        } else if (ts.uid().equals(TransferSyntax.RLE_LOSSLESS)) {
            values = decodeRle(file, element, a);
        } else {
            values = decodeWithCodec(file, element, a);
        }
        // JPEG 2000 codestreams carry their own precision and sign, which the codec has applied.
        if (element.tag() == Tags.PIXEL_DATA && a.bitsStored() < a.bitsAllocated()
                && !DicomCodecs.isJpeg2000(ts.uid())) {
            UnusedBits.correct(values, a.bitsStored(), a.signed());
        }
        // The codec layer already returns RGB; native and RLE YCbCr are converted here.
        if (a.isYbrFull() && !(ts.encapsulated() && !ts.uid().equals(TransferSyntax.RLE_LOSSLESS))) {
            YbrToRgb.convert(values);
        }
        return values;
    }

    private static double[] decodeRle(DicomFile file, DicomElement element, PixelAttributes a) {
        long compressed = 0;
        for (int[] f : element.fragments()) compressed += f[1];
        long needed = a.values() * (a.bitsAllocated() / 8);
        if (needed > compressed * RLE_MAX_EXPANSION) {
            throw new MedinoException(file.name() + ": " + compressed + " bytes of RLE data cannot hold "
                    + a.frames() + " frame(s) of " + a.rows() + " x " + a.columns() + " x " + a.samplesPerPixel());
        }
        List<byte[]> frames = Fragments.frames(file, element, a.frames(), true);
        double[] out = new double[(int) a.values()];
        for (int f = 0; f < frames.size(); f++) {
            RleDecoder.decodeFrame(file.name(), f, frames.get(f), a, out, (int) (f * a.valuesPerFrame()));
        }
        return out;
    }

    private static double[] decodeWithCodec(DicomFile file, DicomElement element, PixelAttributes a) {
        String uid = file.transferSyntax().uid();
        if (!DicomCodecs.supports(uid)) {
            throw new MedinoException(file.name() + ": cannot decode pixel data compressed as " + DicomCodecs.name(uid));
        }
        List<byte[]> frames = Fragments.frames(file, element, a.frames(), false);
        FrameSpec spec = a.frameSpec();
        double[] out = new double[(int) a.values()];
        int per = (int) a.valuesPerFrame();
        for (int f = 0; f < frames.size(); f++) {
            int[] samples;
            try {
                samples = DicomCodecs.decode(uid, frames.get(f), spec);
            } catch (MedinoException e) {
                String msg = e.getMessage();
                throw new MedinoException(msg != null && msg.contains(file.name()) ? msg
                        : file.name() + ": frame " + f + ": " + msg, e);
            }
            if (samples.length != per) {
                throw new MedinoException(file.name() + ": frame " + f + " decodes to " + samples.length
                        + " samples, " + a.rows() + " x " + a.columns() + " x " + a.samplesPerPixel() + " expected");
            }
            for (int i = 0; i < per; i++) out[f * per + i] = samples[i];
        }
        return out;
    }
}

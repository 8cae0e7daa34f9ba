package org.medino.image.dicom;

import org.medino.MedinoException;

/**
 * The Image Pixel module facts that decide how pixel bytes become samples (PS3.3 C.7.6.3),
 * checked once so that decoders can trust them.
 *
 * <p>Lenient defaults where pydicom would refuse but the meaning is unambiguous: Samples per Pixel
 * 1, Pixel Representation 0 (unsigned), Bits Stored = Bits Allocated, Planar Configuration 0,
 * Number of Frames 1 (absent or empty), Photometric Interpretation MONOCHROME2 (1 sample) or RGB.
 */
record PixelAttributes(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int pixelRepresentation, int planarConfiguration, String photometric) {

    /** No array may hold more values than this (Java arrays are int-indexed). */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    static PixelAttributes of(DicomFile file) {
        DicomDataset ds = file.dataset();
        int rows = required(file, Tags.ROWS, "Rows");
        int columns = required(file, Tags.COLUMNS, "Columns");
        int bitsAllocated = required(file, Tags.BITS_ALLOCATED, "Bits Allocated");
        int samples = orDefault(ds.integer(Tags.SAMPLES_PER_PIXEL), 1);
        int bitsStored = orDefault(ds.integer(Tags.BITS_STORED), bitsAllocated);
        int representation = orDefault(ds.integer(Tags.PIXEL_REPRESENTATION), 0);
        int planar = orDefault(ds.integer(Tags.PLANAR_CONFIGURATION), 0);
        int frames = orDefault(ds.integer(Tags.NUMBER_OF_FRAMES), 1);
        String photometric = ds.string(Tags.PHOTOMETRIC_INTERPRETATION);
        if (photometric == null) {
            photometric = samples == 1 ? "MONOCHROME2" : "RGB";
        }
        String name = file.name();
        if (rows <= 0 || columns <= 0) {
            throw new MedinoException(name + ": image size " + rows + " x " + columns + " is empty");
        }
        if (frames <= 0) {
            throw new MedinoException(name + ": Number of Frames (0028,0008) is " + frames);
        }
        if (samples != 1 && samples != 3) {
            throw new MedinoException(name + ": Samples per Pixel (0028,0002) is " + samples + " (1 or 3 supported)");
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32 && bitsAllocated != 64) {
            throw new MedinoException(name + ": Bits Allocated (0028,0100) is " + bitsAllocated + " (1, 8, 16, 32 or 64 supported)");
        }
        if (bitsStored <= 0 || bitsStored > bitsAllocated) {
            throw new MedinoException(name + ": Bits Stored (0028,0101) is " + bitsStored + " with Bits Allocated " + bitsAllocated);
        }
        if (representation != 0 && representation != 1) {
            throw new MedinoException(name + ": Pixel Representation (0028,0103) is " + representation);
        }
        if (planar != 0 && planar != 1) {
            throw new MedinoException(name + ": Planar Configuration (0028,0006) is " + planar);
        }
        PixelAttributes a = new PixelAttributes(rows, columns, frames, samples, bitsAllocated, bitsStored,
                representation, planar, photometric);
        if (a.values() > MAX_VALUES) {
            throw new MedinoException(name + ": " + frames + " frames of " + rows + " x " + columns + " x " + samples
                    + " samples are too many values for one array");
        }
        return a;
    }

    private static int required(DicomFile file, int tag, String name) {
        Integer v = file.dataset().integer(tag);
        if (v == null) {
            throw new MedinoException(file.name() + ": has pixel data but no " + name + " " + Tags.str(tag));
        }
        return v;
    }

    private static int orDefault(Integer v, int fallback) {
        return v == null ? fallback : v;
    }

    boolean signed() {
        return pixelRepresentation == 1;
    }

    long pixelsPerFrame() {
        return (long) rows * columns;
    }

    long valuesPerFrame() {
        return pixelsPerFrame() * samplesPerPixel;
    }

    long values() {
        return valuesPerFrame() * frames;
    }

    boolean isYbrFull() {
        return samplesPerPixel == 3 && (photometric.equals("YBR_FULL") || photometric.equals("YBR_FULL_422"));
    }

    FrameSpec frameSpec() {
        return new FrameSpec(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, signed(), photometric);
    }
}

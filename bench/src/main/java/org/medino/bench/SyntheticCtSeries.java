package org.medino.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic CT series as DICOM Part 10 files (explicit VR little endian, int16 with a
 * rescale intercept of −1024), the smallest set of attributes a series reader needs.
 */
final class SyntheticCtSeries {
    private static final String SERIES_UID = "1.2.826.0.1.3680043.10.543.1";

    private SyntheticCtSeries() {}

    static void write(Path dir, int rows, int cols, int slices, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        short[] pixels = new short[rows * cols];
        for (int s = 0; s < slices; s++) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (short) (1024 + random.nextInt(2000) - 1000);
            }
            Files.write(dir.resolve(String.format("slice%04d.dcm", s)), file(rows, cols, s, pixels));
        }
    }

    private static byte[] file(int rows, int cols, int index, short[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(4096 + pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[128]).put("DICM".getBytes(StandardCharsets.US_ASCII));
        String sop = SERIES_UID + "." + (index + 1);
        int metaStart = b.position();
        element(b, 0x0002, 0x0000, "UL", new byte[4]); // group length, patched below
        int groupStart = b.position();
        element(b, 0x0002, 0x0001, "OB", new byte[] {0, 1});
        element(b, 0x0002, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.2"));
        element(b, 0x0002, 0x0003, "UI", uid(sop));
        element(b, 0x0002, 0x0010, "UI", uid("1.2.840.10008.1.2.1"));
        b.putInt(metaStart + 8, b.position() - groupStart);
        element(b, 0x0008, 0x0016, "UI", uid("1.2.840.10008.5.1.4.1.1.2"));
        element(b, 0x0008, 0x0018, "UI", uid(sop));
        element(b, 0x0008, 0x0060, "CS", text("CT"));
        element(b, 0x0010, 0x0020, "LO", text("BENCH"));
        element(b, 0x0020, 0x000D, "UI", uid(SERIES_UID + ".0"));
        element(b, 0x0020, 0x000E, "UI", uid(SERIES_UID));
        element(b, 0x0020, 0x0013, "IS", text(Integer.toString(index + 1)));
        element(b, 0x0020, 0x0032, "DS", text("-250\\-250\\" + (index * 1.25)));
        element(b, 0x0020, 0x0037, "DS", text("1\\0\\0\\0\\1\\0"));
        element(b, 0x0028, 0x0002, "US", shortValue(1));
        element(b, 0x0028, 0x0004, "CS", text("MONOCHROME2"));
        element(b, 0x0028, 0x0010, "US", shortValue(rows));
        element(b, 0x0028, 0x0011, "US", shortValue(cols));
        element(b, 0x0028, 0x0030, "DS", text("0.7\\0.7"));
        element(b, 0x0028, 0x0100, "US", shortValue(16));
        element(b, 0x0028, 0x0101, "US", shortValue(16));
        element(b, 0x0028, 0x0102, "US", shortValue(15));
        element(b, 0x0028, 0x0103, "US", shortValue(1));
        element(b, 0x0028, 0x1052, "DS", text("-1024"));
        element(b, 0x0028, 0x1053, "DS", text("1"));
        ByteBuffer data = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(pixels);
        element(b, 0x7FE0, 0x0010, "OW", data.array());
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** Explicit VR little endian; OB/OW/UN/SQ/UT use the 4-byte length form. */
    private static void element(ByteBuffer b, int group, int element, String vr, byte[] value) {
        b.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB") || vr.equals("OW")) {
            b.putShort((short) 0).putInt(value.length);
        } else {
            b.putShort((short) value.length);
        }
        b.put(value);
    }

    private static byte[] uid(String uid) {
        return pad(uid, (byte) 0);
    }

    private static byte[] text(String s) {
        return pad(s, (byte) ' ');
    }

    /** DICOM values have even length. */
    private static byte[] pad(String s, byte filler) {
        byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
        if (raw.length % 2 == 0) return raw;
        byte[] out = java.util.Arrays.copyOf(raw, raw.length + 1);
        out[raw.length] = filler;
        return out;
    }

    private static byte[] shortValue(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }
}

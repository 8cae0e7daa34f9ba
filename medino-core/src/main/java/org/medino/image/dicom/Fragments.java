package org.medino.image.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.medino.MedinoException;

/**
 * Splits encapsulated pixel data (PS3.5 A.4) into frames: by the Extended Offset Table when
 * present, else by the Basic Offset Table (first item) when not empty, else one fragment per
 * frame when the counts agree, all fragments for a single frame, and otherwise by looking for
 * the marker each frame's code stream starts with (JPEG SOI, J2K SOC, JP2 signature, RLE header).
 */
final class Fragments {
    private Fragments() {}

    static List<byte[]> frames(DicomFile file, DicomElement pixels, int frames, boolean rle) {
        String name = file.name();
        DicomBytes bytes = file.dataset().bytes();
        List<int[]> items = pixels.fragments();
        if (items.size() < 2) {
            throw new MedinoException(name + ": encapsulated pixel data has no fragments");
        }
        List<int[]> data = items.subList(1, items.size());
        // Item offsets in the tables count from the first byte of the first item after the BOT.
        int base = data.get(0)[0] - 8;
        List<byte[]> out = new ArrayList<>();

        DicomDataset ds = file.dataset();
        DicomElement eot = ds.get(Tags.EXTENDED_OFFSET_TABLE);
        DicomElement eotLengths = ds.get(Tags.EXTENDED_OFFSET_TABLE_LENGTHS);
        if (eot != null && eotLengths != null && eot.length() > 0) {
            if (eot.length() != 8L * frames || eotLengths.length() != 8L * frames) {
                throw new MedinoException(name + ": Extended Offset Table has " + eot.length() / 8 + " entries for "
                        + frames + " frames");
            }
            for (int f = 0; f < frames; f++) {
                long offset = bytes.u64(eot.offset() + 8 * f, false);
                long length = bytes.u64(eotLengths.offset() + 8 * f, false);
                int[] item = itemAt(data, base, offset);
                if (item == null || length > item[1]) {
                    throw new MedinoException(name + ": Extended Offset Table entry " + f + " (offset " + offset
                            + ", length " + length + ") does not match a fragment");
                }
                out.add(bytes.copy(item[0], (int) length));
            }
            return out;
        }

        int[] bot = items.get(0);
        if (bot[1] >= 4) {
            int entries = bot[1] / 4;
            if (entries != frames) {
                throw new MedinoException(name + ": Basic Offset Table has " + entries + " entries for " + frames + " frames");
            }
            long[] starts = new long[frames + 1];
            for (int f = 0; f < frames; f++) starts[f] = bytes.u32(bot[0] + 4 * f, false);
            starts[frames] = Long.MAX_VALUE;
            for (int f = 0; f < frames; f++) {
                if (itemAt(data, base, starts[f]) == null || starts[f + 1] <= starts[f]) {
                    throw new MedinoException(name + ": Basic Offset Table entry " + f + " (" + starts[f]
                            + ") does not point at a fragment");
                }
                List<int[]> group = new ArrayList<>();
                for (int[] item : data) {
                    long rel = item[0] - 8 - base;
                    if (rel >= starts[f] && rel < starts[f + 1]) group.add(item);
                }
                out.add(concat(bytes, group));
            }
            return out;
        }

        if (frames == 1) {
            out.add(concat(bytes, data));
            return out;
        }
        if (data.size() == frames) {
            for (int[] item : data) out.add(bytes.copy(item[0], item[1]));
            return out;
        }
        if (data.size() < frames) {
            throw new MedinoException(name + ": " + frames + " frames but only " + data.size() + " pixel data fragments");
        }
        List<int[]> group = new ArrayList<>();
        for (int[] item : data) {
            byte[] head = bytes.copy(item[0], Math.min(item[1], 64));
            if (!group.isEmpty() && startsFrame(head, rle)) {
                out.add(concat(bytes, group));
                group = new ArrayList<>();
            }
            group.add(item);
        }
        out.add(concat(bytes, group));
        if (out.size() != frames) {
            throw new MedinoException(name + ": cannot tell which of " + data.size() + " fragments belong to which of "
                    + frames + " frames (no offset table)");
        }
        return out;
    }

    private static int[] itemAt(List<int[]> data, int base, long offset) {
        for (int[] item : data) {
            if (item[0] - 8 - base == offset) return item;
        }
        return null;
    }

    private static byte[] concat(DicomBytes bytes, List<int[]> group) {
        if (group.size() == 1) {
            return bytes.copy(group.get(0)[0], group.get(0)[1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] item : group) {
            out.writeBytes(bytes.copy(item[0], item[1]));
        }
        return out.toByteArray();
    }

    private static boolean startsFrame(byte[] h, boolean rle) {
        if (rle) {
            return RleDecoder.looksLikeHeader(h);
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8) return true; // JPEG, JPEG-LS SOI
        if (h.length >= 4 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0x4F
                && (h[2] & 0xFF) == 0xFF && (h[3] & 0xFF) == 0x51) return true; // J2K SOC + SIZ
        return h.length >= 8 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0x0C
                && h[4] == 'j' && h[5] == 'P' && h[6] == ' ' && h[7] == ' '; // JP2 signature box
    }
}

package org.medino.image.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.medino.MedinoException;

/**
 * Reads the structure of a DICOM Part 10 file (PS3.10 and PS3.5 chapter 7): preamble, file meta,
 * then the data set in its transfer syntax. Values are located, not copied; sequences are parsed
 * into items so that their lengths are checked and nothing after them is misread.
 *
 * <p>Every length in the file is checked against the bytes that remain before anything is read or
 * allocated, so a forged length gives an error message instead of an out-of-memory or a wrong
 * read, and every loop step consumes at least one element header, so no input loops forever.
 */
final class DicomParser {
    /** VRs whose explicit encoding has 2 reserved bytes and a 32-bit length (PS3.5 table 7.1-1). */
    private static final Set<String> LONG_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UR", "UT", "UN", "SV", "UV");
    /** Real files nest a handful of levels; this only stops a forged file from overflowing the stack. */
    private static final int MAX_DEPTH = 64;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** A deflated data set larger than this is refused rather than inflated (zip-bomb guard). */
    private static final long MAX_INFLATED = Integer.MAX_VALUE - 64;

    private enum Mode { TOP, META, ITEM_DEFINED, ITEM_UNDEFINED }

    private final DicomBytes bytes;
    private final boolean headerOnly;

    private DicomParser(DicomBytes bytes, boolean headerOnly) {
        this.bytes = bytes;
        this.headerOnly = headerOnly;
    }

    /**
     * Parses a file.
     *
     * @param headerOnly stop before the pixel data (group 7FE0): nothing of it is read or checked
     */
    static DicomFile parse(Path path, boolean headerOnly) {
        String name = path.toString();
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new MedinoException(name + ": files larger than 2 GiB are not supported (" + size + " bytes)");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new MedinoException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        DicomBytes bytes = new DicomBytes(mapped, name, "byte");
        if (bytes.size() == 0) {
            throw new MedinoException(name + ": empty file, not DICOM");
        }
        return new DicomParser(bytes, headerOnly).parseFile(path);
    }

    private DicomFile parseFile(Path path) {
        int pos = startOfContent();
        DicomDataset meta = new DicomDataset(bytes, false);
        if (pos + 4 <= bytes.size() && bytes.u16(pos, false) == 0x0002) {
            boolean explicitMeta = looksExplicit(pos);
            pos = readElements(meta, pos, bytes.size(), explicitMeta, false, 0, Mode.META, 0);
        }
        String uid = meta.string(Tags.TRANSFER_SYNTAX_UID);
        TransferSyntax ts = uid != null ? TransferSyntax.of(uid) : inferTransferSyntax(pos);

        DicomBytes body = bytes;
        if (ts.deflated()) {
            body = inflate(pos);
            pos = 0;
        }
        DicomDataset dataset = new DicomDataset(body, ts.bigEndian());
        DicomParser bodyParser = body == bytes ? this : new DicomParser(body, headerOnly);
        boolean explicit = ts.explicitVr();
        if (pos + 6 <= body.size()) {
            // As pydicom does: trust the bytes over the declared syntax when they disagree about VRs.
            explicit = bodyParser.looksExplicit(pos);
        }
        bodyParser.readElements(dataset, pos, body.size(), explicit, ts.bigEndian(), 0, Mode.TOP, 0);
        return new DicomFile(path, meta, dataset, ts);
    }

    /**
     * Skips the 128-byte preamble and "DICM" when present. Without them the file must start with a
     * group the standard puts first (0002 file meta, 0008 identification) in either byte order,
     * so that a stray non-DICOM file is recognised as such instead of being parsed as garbage.
     */
    private int startOfContent() {
        if (bytes.size() >= 132 && isDicm(128)) {
            return 132;
        }
        if (bytes.size() >= 8) {
            int le = bytes.u16(0, false);
            int be = bytes.u16(0, true);
            if (le == 0x0002 || le == 0x0008 || be == 0x0008) {
                return 0;
            }
        }
        throw new MedinoException(bytes.source() + ": not a DICOM file (no \"DICM\" marker at byte 128 and no DICOM element at the start)");
    }

    private boolean isDicm(int pos) {
        return bytes.u8(pos) == 'D' && bytes.u8(pos + 1) == 'I' && bytes.u8(pos + 2) == 'C' && bytes.u8(pos + 3) == 'M';
    }

    /** Explicit VR if the two bytes after the tag are upper-case letters (pydicom's test too). */
    private boolean looksExplicit(int pos) {
        if (pos + 6 > bytes.size()) {
            return false;
        }
        return isUpper(bytes.u8(pos + 4)) && isUpper(bytes.u8(pos + 5));
    }

    private static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * No TransferSyntaxUID: guess as pydicom does. A valid VR after the first tag means explicit
     * VR; then a first group that reads as 1024 or more in little endian is really a small group
     * written big endian. Otherwise implicit VR little endian.
     */
    private TransferSyntax inferTransferSyntax(int pos) {
        if (pos + 6 <= bytes.size() && looksExplicit(pos)) {
            boolean big = bytes.u16(pos, false) >= 1024;
            return TransferSyntax.of(big ? TransferSyntax.EXPLICIT_BE : TransferSyntax.EXPLICIT_LE);
        }
        return TransferSyntax.of(TransferSyntax.IMPLICIT_LE);
    }

    /** Deflated explicit VR little endian: everything after the meta is a raw deflate stream. */
    private DicomBytes inflate(int pos) {
        byte[] input = bytes.copy(pos, bytes.size() - pos);
        Inflater inflater = new Inflater(true);
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length * 4));
        byte[] chunk = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.needsInput()) {
                        // Raw deflate may legally end without a final block marker only if nothing
                        // is missing; anything else means the file was cut short.
                        throw new MedinoException(bytes.source() + ": truncated deflated data set (the deflate stream ends early)");
                    }
                    if (inflater.needsDictionary()) {
                        throw new MedinoException(bytes.source() + ": malformed deflated data set (needs a preset dictionary)");
                    }
                }
                if ((long) out.size() + n > MAX_INFLATED) {
                    throw new MedinoException(bytes.source() + ": deflated data set inflates to more than 2 GiB");
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new MedinoException(bytes.source() + ": malformed deflated data set (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        return new DicomBytes(ByteBuffer.wrap(out.toByteArray()), bytes.source(), "byte (of the inflated data set)");
    }

    /**
     * Reads elements into {@code ds} from {@code pos} until {@code end}, or until the item delimiter
     * (ITEM_UNDEFINED), or while the group is 0002 (META), and returns the position after them.
     *
     * @param context the tag of the enclosing sequence, named when the data runs out
     */
    private int readElements(DicomDataset ds, int pos, long end, boolean explicit, boolean big, int depth, Mode mode, int context) {
        if (depth > MAX_DEPTH) {
            throw bytes.malformed(pos, "sequences nested deeper than " + MAX_DEPTH + " levels");
        }
        while (true) {
            if (mode == Mode.TOP || mode == Mode.ITEM_DEFINED) {
                if (pos == end) {
                    return pos;
                }
            }
            if (mode == Mode.META && (pos + 4 > bytes.size() || bytes.u16(pos, false) != 0x0002)) {
                return pos;
            }
            if (pos + 8 > end) {
                if (end < bytes.size()) {
                    throw bytes.malformed(pos, "an element header runs past the end of the item of " + Tags.str(context));
                }
                throw bytes.truncated(context);
            }
            int tag = bytes.tag(pos, big);
            if (headerOnly && mode == Mode.TOP && Integer.compareUnsigned(tag, Tags.FLOAT_PIXEL_DATA) >= 0) {
                return pos;
            }
            if (tag >>> 16 == 0xFFFE) {
                if (tag == Tags.ITEM_DELIMITATION && mode == Mode.ITEM_UNDEFINED) {
                    return pos + 8;
                }
                throw bytes.malformed(pos, "unexpected " + Tags.str(tag) + " outside a sequence item");
            }
            String vr;
            long length;
            int valuePos;
            if (explicit) {
                int c1 = bytes.u8(pos + 4);
                int c2 = bytes.u8(pos + 5);
                if (!isUpper(c1) || !isUpper(c2)) {
                    throw bytes.malformed(pos + 4, "invalid VR bytes 0x" + Integer.toHexString(c1) + " 0x"
                            + Integer.toHexString(c2) + " in " + Tags.str(tag));
                }
                vr = "" + (char) c1 + (char) c2;
                if (LONG_VRS.contains(vr)) {
                    bytes.need(pos, 12, tag);
                    length = bytes.u32(pos + 8, big);
                    valuePos = pos + 12;
                } else {
                    length = bytes.u16(pos + 6, big);
                    valuePos = pos + 8;
                }
            } else {
                vr = Tags.dictionaryVr(tag);
                length = bytes.u32(pos + 4, big);
                valuePos = pos + 8;
            }
            DicomElement element;
            if (length == UNDEFINED) {
                if (tag == Tags.PIXEL_DATA || (explicit && (vr.equals("OB") || vr.equals("OW")))) {
                    List<int[]> fragments = new ArrayList<>();
                    int after = readFragments(valuePos, big, tag, fragments);
                    element = new DicomElement(tag, vr, valuePos, after - valuePos, null, fragments);
                    pos = after;
                } else {
                    // SQ, or UN / implicit-VR elements of undefined length, which PS3.5 6.2.2
                    // says are sequences encoded in implicit VR little endian.
                    boolean itemExplicit = explicit && vr.equals("SQ");
                    boolean itemBig = itemExplicit && big;
                    List<DicomDataset> items = new ArrayList<>();
                    int after = readItems(valuePos, -1, end, itemExplicit, itemBig, depth, tag, items);
                    element = new DicomElement(tag, explicit ? vr : "SQ", valuePos, after - valuePos, items, null);
                    pos = after;
                }
            } else {
                long valueEnd = valuePos + length;
                if (valueEnd > bytes.size()) {
                    throw bytes.truncated(tag);
                }
                if (valueEnd > end) {
                    throw bytes.malformed(pos, "the value of " + Tags.str(tag) + " (" + length
                            + " bytes) runs past the end of its enclosing item at byte " + end);
                }
                List<DicomDataset> items = null;
                if (explicit && vr.equals("SQ")) {
                    items = new ArrayList<>();
                    readItems(valuePos, valueEnd, valueEnd, true, big, depth, tag, items);
                }
                element = new DicomElement(tag, vr, valuePos, (int) length, items, null);
                pos = (int) valueEnd;
            }
            ds.put(element);
        }
    }

    /**
     * Reads sequence items from {@code pos}: up to {@code end} for a defined-length sequence
     * ({@code end >= 0}), else up to the sequence delimiter, never past {@code bound}.
     */
    private int readItems(int pos, long end, long bound, boolean explicit, boolean big, int depth, int seqTag, List<DicomDataset> items) {
        boolean defined = end >= 0;
        long limit = defined ? end : bound;
        while (true) {
            if (defined && pos == end) {
                return pos;
            }
            if (pos + 8 > limit) {
                if (limit < bytes.size()) {
                    throw bytes.malformed(pos, "an item header of " + Tags.str(seqTag) + " runs past the end of the sequence");
                }
                throw bytes.truncated(seqTag);
            }
            int tag = bytes.tag(pos, big);
            long length = bytes.u32(pos + 4, big);
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                return pos + 8;
            }
            if (tag != Tags.ITEM) {
                throw bytes.malformed(pos, "expected an item in sequence " + Tags.str(seqTag) + ", found " + Tags.str(tag));
            }
            int start = pos + 8;
            DicomDataset item = new DicomDataset(bytes, big);
            boolean itemExplicit = explicit;
            if (explicit && start + 6 <= limit && bytes.u16(start, big) != 0xFFFE) {
                // Explicit VR files sometimes hold items written in implicit VR (pydicom allows it).
                itemExplicit = looksExplicit(start);
            }
            if (length == UNDEFINED) {
                pos = readElements(item, start, limit, itemExplicit, big, depth + 1, Mode.ITEM_UNDEFINED, seqTag);
            } else {
                long itemEnd = start + length;
                if (itemEnd > bytes.size()) {
                    throw bytes.truncated(seqTag);
                }
                if (itemEnd > limit) {
                    throw bytes.malformed(pos, "an item of " + Tags.str(seqTag) + " (" + length + " bytes) runs past the end of its sequence");
                }
                readElements(item, start, itemEnd, itemExplicit, big, depth + 1, Mode.ITEM_DEFINED, seqTag);
                pos = (int) itemEnd;
            }
            items.add(item);
        }
    }

    /** Encapsulated data (PS3.5 A.4): items of defined length up to the sequence delimiter. */
    private int readFragments(int pos, boolean big, int tag, List<int[]> fragments) {
        while (true) {
            bytes.need(pos, 8, tag);
            int itemTag = bytes.tag(pos, big);
            long length = bytes.u32(pos + 4, big);
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return pos + 8;
            }
            if (itemTag != Tags.ITEM) {
                throw bytes.malformed(pos, "expected a fragment item in " + Tags.str(tag) + ", found " + Tags.str(itemTag));
            }
            if (length == UNDEFINED) {
                throw bytes.malformed(pos, "a fragment of " + Tags.str(tag) + " has undefined length");
            }
            bytes.need(pos + 8, length, tag);
            fragments.add(new int[] {pos + 8, (int) length});
            pos = (int) (pos + 8 + length);
        }
    }
}

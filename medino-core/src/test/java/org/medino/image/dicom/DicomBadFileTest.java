package org.medino.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;

/** Damaged, forged and unsupported files: always a one-line MedinoException naming the file. */
class DicomBadFileTest {
    @TempDir
    Path tmp;

    private static MedinoException failure(Path file) {
        try {
            DicomReader.read(file);
        } catch (MedinoException e) {
            assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError(file + " was read without error");
    }

    @Test
    void truncatedPixelDataNamesTheElement() {
        Path f = Expected.file("MR_truncated.dcm");
        assertThat(failure(f).getMessage()).contains("truncated at byte 9630 inside (7FE0,0010)");
    }

    @Test
    void truncatedSequenceIsReportedEvenForHeaderOnly() {
        Path f = Expected.file("rtplan_truncated.dcm");
        assertThatThrownBy(() -> DicomReader.readHeader(f)).isInstanceOf(MedinoException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("truncated at byte 2129");
    }

    @Test
    void unsupportedCompressionNamesTheTransferSyntax() {
        Path f = Expected.file("MR_small_jpeg_ls_lossless.dcm");
        assertThat(failure(f).getMessage()).contains("JPEG-LS Lossless (1.2.840.10008.1.2.4.80)");
        // the header is still readable
        assertThat(DicomReader.readHeader(f).metadata()).containsEntry("rows", 64);
    }

    @Test
    void notDicomFilesAreRejected() throws IOException {
        assertThat(failure(Expected.file("no_meta.dcm")).getMessage()).contains("not a DICOM file");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, this is not DICOM at all\n");
        assertThat(failure(text).getMessage()).contains("not a DICOM file");
        Path empty = Files.write(tmp.resolve("empty.dcm"), new byte[0]);
        assertThat(failure(empty).getMessage()).contains("empty file");
        Path missing = tmp.resolve("missing.dcm");
        assertThat(failure(missing).getMessage()).contains("cannot read");
    }

    @Test
    void truncatedDeflateStream() throws IOException {
        byte[] all = Files.readAllBytes(Expected.file("gen_deflated_ct.dcm"));
        Path f = Files.write(tmp.resolve("cut.dcm"), Arrays.copyOf(all, all.length - 200));
        assertThat(failure(f).getMessage()).contains("truncated");
    }

    @Test
    void forgedHugeLengthIsTruncationNotAnAllocation() throws IOException {
        byte[] file = new Builder().meta(TransferSyntax.EXPLICIT_LE)
                .element(0x00080060, "CS", "CT".getBytes(StandardCharsets.US_ASCII))
                .longElement(0x00091010, "OB", 0xFFFFFFF0L, new byte[16]).bytes();
        Path f = Files.write(tmp.resolve("forged.dcm"), file);
        assertThat(failure(f).getMessage()).contains("truncated").contains("(0009,1010)");
    }

    @Test
    void forgedImageSizeIsRefusedBeforeAllocating() throws IOException {
        byte[] file = new Builder().meta(TransferSyntax.EXPLICIT_LE)
                .us(0x00280010, 65535).us(0x00280011, 65535).element(0x00280008, "IS", "9999".getBytes(StandardCharsets.US_ASCII))
                .us(0x00280100, 16).longElement(0x7FE00010, "OW", 4, new byte[4]).bytes();
        Path f = Files.write(tmp.resolve("huge.dcm"), file);
        assertThat(failure(f).getMessage()).contains("too many values");
        byte[] small = new Builder().meta(TransferSyntax.EXPLICIT_LE)
                .us(0x00280010, 4000).us(0x00280011, 4000).us(0x00280100, 16)
                .longElement(0x7FE00010, "OW", 4, new byte[4]).bytes();
        Path g = Files.write(tmp.resolve("short.dcm"), small);
        assertThat(failure(g).getMessage()).contains("has 4 bytes").contains("need 32000000");
    }

    @Test
    void absurdNestingIsAnErrorNotAStackOverflow() throws IOException {
        Builder b = new Builder().meta(TransferSyntax.EXPLICIT_LE);
        for (int i = 0; i < 5000; i++) {
            b.raw(tag(0x0009, 0x1010)).raw("SQ".getBytes(StandardCharsets.US_ASCII)).raw(new byte[2]).u32(0xFFFFFFFFL);
            b.raw(tag(0xFFFE, 0xE000)).u32(0xFFFFFFFFL);
        }
        Path f = Files.write(tmp.resolve("deep.dcm"), b.bytes());
        assertThat(failure(f).getMessage()).contains("nested deeper");
    }

    @Test
    void garbageInsideASequenceIsMalformed() throws IOException {
        Builder b = new Builder().meta(TransferSyntax.EXPLICIT_LE);
        b.raw(tag(0x0009, 0x1010)).raw("SQ".getBytes(StandardCharsets.US_ASCII)).raw(new byte[2]).u32(0xFFFFFFFFL);
        b.raw(tag(0x0010, 0x0010)).u32(4).raw(new byte[4]);
        Path f = Files.write(tmp.resolve("badseq.dcm"), b.bytes());
        assertThat(failure(f).getMessage()).contains("malformed").contains("expected an item in sequence (0009,1010)");
    }

    @Test
    void rleWithWrongSegmentCount() throws IOException {
        byte[] frame = new byte[64 + 4];
        frame[0] = 2; // two segments where one is needed
        frame[4] = 64;
        frame[8] = 66;
        byte[] file = new Builder().meta(TransferSyntax.RLE_LOSSLESS)
                .us(0x00280010, 1).us(0x00280011, 2).us(0x00280100, 8)
                .raw(tag(0x7FE0, 0x0010)).raw("OB".getBytes(StandardCharsets.US_ASCII)).raw(new byte[2]).u32(0xFFFFFFFFL)
                .raw(tag(0xFFFE, 0xE000)).u32(0)
                .raw(tag(0xFFFE, 0xE000)).u32(frame.length).raw(frame)
                .raw(tag(0xFFFE, 0xE0DD)).u32(0).bytes();
        Path f = Files.write(tmp.resolve("rle.dcm"), file);
        assertThat(failure(f).getMessage()).contains("RLE frame 0: has 2 segments");
    }

    /** Every prefix of real files (in steps) either reads or fails cleanly, and fast. */
    @Test
    void everyTruncationFailsCleanly() throws IOException {
        for (String name : List.of("CT_small.dcm", "MR_small_RLE.dcm", "nested_priv_SQ.dcm", "UN_sequence.dcm",
                "gen_deflated_ct.dcm", "SC_rgb_rle_2frame.dcm", "rtdose_expb.dcm", "MR_small_implicit.dcm")) {
            byte[] all = Files.readAllBytes(Expected.file(name));
            int step = Math.max(1, all.length / 150);
            for (int n = 0; n < all.length; n += step) {
                Path f = Files.write(tmp.resolve("t.dcm"), Arrays.copyOf(all, n));
                try {
                    DicomReader.read(f);
                } catch (MedinoException e) {
                    assertThat(e.getMessage()).as(name + " cut at " + n).contains(f.toString()).doesNotContain("\n");
                }
                try {
                    DicomReader.readHeader(f);
                } catch (MedinoException e) {
                    assertThat(e.getMessage()).contains(f.toString());
                }
            }
        }
    }

    /** Random byte corruption: never anything but a MedinoException (no stack trace, no hang, no OOM). */
    @Test
    void randomCorruptionFailsCleanly() throws IOException {
        Random random = new Random(42);
        for (String name : List.of("MR_small.dcm", "MR_small_RLE.dcm", "nested_priv_SQ.dcm", "UN_sequence.dcm",
                "SC_rgb_rle_16bit_2frame.dcm", "MR_small_bigendian.dcm")) {
            byte[] all = Files.readAllBytes(Expected.file(name));
            // Corrupt the structure (headers are in the first ~1.5 kB), where damage matters most.
            int span = Math.min(all.length, 1600);
            for (int trial = 0; trial < 80; trial++) {
                byte[] copy = all.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    copy[random.nextInt(span)] = (byte) random.nextInt(256);
                }
                Path f = Files.write(tmp.resolve("c.dcm"), copy);
                try {
                    DicomReader.read(f);
                } catch (MedinoException e) {
                    assertThat(e.getMessage()).contains(f.toString());
                }
            }
        }
    }

    static byte[] tag(int group, int element) {
        return new byte[] {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8)};
    }

    /** Writes explicit VR little endian files by hand, for structures no library would write. */
    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Builder meta(String transferSyntax) {
            out.writeBytes(new byte[128]);
            out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
            byte[] uid = transferSyntax.getBytes(StandardCharsets.US_ASCII);
            if (uid.length % 2 == 1) uid = Arrays.copyOf(uid, uid.length + 1);
            return element(0x00020010, "UI", uid);
        }

        Builder element(int tag, String vr, byte[] value) {
            raw(tag(tag >>> 16, tag & 0xFFFF));
            raw(vr.getBytes(StandardCharsets.US_ASCII));
            out.write(value.length & 0xFF);
            out.write(value.length >> 8);
            return raw(value);
        }

        Builder us(int tag, int value) {
            return element(tag, "US", new byte[] {(byte) value, (byte) (value >> 8)});
        }

        Builder longElement(int tag, String vr, long declaredLength, byte[] value) {
            raw(tag(tag >>> 16, tag & 0xFFFF));
            raw(vr.getBytes(StandardCharsets.US_ASCII));
            raw(new byte[2]);
            u32(declaredLength);
            return raw(value);
        }

        Builder u32(long v) {
            return raw(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
        }

        Builder raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}

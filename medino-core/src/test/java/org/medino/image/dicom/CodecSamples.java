package org.medino.image.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The fixtures written by {@code make_frames.py}: frames extracted with pydicom, expected samples
 * decoded by pydicom with GDCM.
 */
final class CodecSamples {

    static final String DIR = "/org/medino/image/dicom/codec/";

    record Sample(String name, String transferSyntax, FrameSpec spec) {
        byte[] frame() {
            return resource(name + ".frame.bin");
        }

        int[] expected() {
            byte[] raw;
            try (InputStream in = new GZIPInputStream(CodecSamples.class.getResourceAsStream(DIR + name + ".expected.bin.gz"))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int[] out = new int[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private CodecSamples() {}

    static List<Sample> all() {
        String csv = new String(resource("index.csv"), StandardCharsets.UTF_8);
        List<Sample> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",");
            out.add(new Sample(f[0], f[1], new FrameSpec(Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                    Boolean.parseBoolean(f[7]), f[8])));
        }
        return out;
    }

    static Sample named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static byte[] resource(String file) {
        try (InputStream in = CodecSamples.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** max |a - b| over all samples. */
    static int maxDiff(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}

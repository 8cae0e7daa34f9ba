package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link Bicubic} against outputs of {@code torch.nn.functional.interpolate} stored in
 * {@code src/test/resources/bicubic} (made by {@code make_reference.py} with torch 1.13).
 */
class BicubicReferenceTest {

    /** 1e-6 absolute for |value| <= 1, 1e-6 relative above (inputs are N(0,1), outputs reach ~3.5). */
    private static final double TOLERANCE = 1e-6;

    record Case(String name, int channels, int inH, int inW, boolean scaleForm, int outH, int outW,
                double scaleH, double scaleW, boolean antialias) {
        String inputName() {
            return name.substring(0, name.lastIndexOf('_')) + ".in.bin";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = resource("cases.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                boolean scale = f[4].equals("scale");
                out.add(new Case(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        scale, Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                        scale ? Double.parseDouble(f[7]) : Double.NaN,
                        scale ? Double.parseDouble(f[8]) : Double.NaN,
                        Boolean.parseBoolean(f[9])));
            }
        }
        return out.stream();
    }

    @Test
    void allCasesArePresent() throws IOException {
        assertThat(cases().count()).isEqualTo(36);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(Case c) throws IOException {
        float[] src = readFloats(c.inputName(), c.channels() * c.inH() * c.inW());
        float[] expected = readFloats(c.name() + ".out.bin", c.channels() * c.outH() * c.outW());
        float[] actual;
        if (c.scaleForm()) {
            assertThat(Bicubic.scaledSize(c.inH(), c.scaleH())).isEqualTo(c.outH());
            assertThat(Bicubic.scaledSize(c.inW(), c.scaleW())).isEqualTo(c.outW());
            // The references come from torch 1.13, which resamples same-size axes under antialiasing.
            actual = Bicubic.resizeByScale(src, c.channels(), c.inH(), c.inW(), c.scaleH(), c.scaleW(),
                    c.antialias(), Bicubic.AaSameSizeAxis.RESAMPLE);
            boolean sameSizeAxisMatters = c.antialias()
                    && ((c.outH() == c.inH() && c.scaleH() != 1.0) || (c.outW() == c.inW() && c.scaleW() != 1.0));
            if (!sameSizeAxisMatters) {
                float[] dflt = Bicubic.resizeByScale(src, c.channels(), c.inH(), c.inW(), c.scaleH(), c.scaleW(),
                        c.antialias());
                assertThat(dflt).containsExactly(actual);
            }
        } else {
            actual = Bicubic.resize(src, c.channels(), c.inH(), c.inW(), c.outH(), c.outW(), c.antialias());
        }
        assertThat(actual).hasSize(expected.length);
        double maxErr = 0;
        double maxScaledErr = 0;
        int exact = 0;
        int worst = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs((double) actual[i] - expected[i]);
            maxScaledErr = Math.max(maxScaledErr, e / Math.max(1.0, Math.abs(expected[i])));
            if (e > maxErr) {
                maxErr = e;
                worst = i;
            }
            if (Float.floatToIntBits(actual[i]) == Float.floatToIntBits(expected[i])) {
                exact++;
            }
        }
        System.out.printf("REF %-32s max|err| = %.3e  max|err|/max(1,|want|) = %.3e  bit-exact %d/%d%s%n",
                c.name(), maxErr, maxScaledErr, exact,
                expected.length, worst >= 0 ? String.format("  (worst: got %s want %s)", actual[worst], expected[worst]) : "");
        assertThat(maxScaledErr).as("max error of %s", c.name()).isLessThanOrEqualTo(TOLERANCE);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BicubicReferenceTest.class.getResourceAsStream("/bicubic/" + name);
        if (in == null) {
            throw new IOException("missing test resource bicubic/" + name);
        }
        return in;
    }

    static float[] readFloats(String name, int count) throws IOException {
        byte[] bytes;
        try (InputStream in = resource(name)) {
            bytes = in.readAllBytes();
        }
        assertThat(bytes.length).as("size of %s", name).isEqualTo(count * 4);
        float[] out = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}

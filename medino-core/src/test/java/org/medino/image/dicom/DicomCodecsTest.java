package org.medino.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medino.MedinoException;

class DicomCodecsTest {

    private static final FrameSpec MONO16 = new FrameSpec(64, 64, 1, 16, 16, true, "MONOCHROME2");

    @Test
    void supportsJpegAndJpeg2000Only() {
        for (String uid : List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91")) {
            assertThat(DicomCodecs.supports(uid)).as(uid).isTrue();
        }
        for (String uid : List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2",
                "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
                "1.2.840.10008.1.2.4.52", "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.107",
                "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203", "1.2.3", "")) {
            assertThat(DicomCodecs.supports(uid)).as(uid).isFalse();
        }
        assertThat(DicomCodecs.supports(null)).isFalse();
    }

    @Test
    void acceptsUidsPaddedToEvenLength() {
        assertThat(DicomCodecs.supports("1.2.840.10008.1.2.4.70\0")).isTrue();
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.80\0")).isEqualTo("JPEG-LS Lossless (1.2.840.10008.1.2.4.80)");
    }

    @Test
    void namesKnownSyntaxes() {
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.80")).isEqualTo("JPEG-LS Lossless (1.2.840.10008.1.2.4.80)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.81")).isEqualTo("JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2")).isEqualTo("Implicit VR Little Endian (1.2.840.10008.1.2)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.1")).isEqualTo("Explicit VR Little Endian (1.2.840.10008.1.2.1)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.2")).isEqualTo("Explicit VR Big Endian (1.2.840.10008.1.2.2)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.1.99")).startsWith("Deflated Explicit VR Little Endian");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.5")).isEqualTo("RLE Lossless (1.2.840.10008.1.2.5)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.50")).startsWith("JPEG Baseline");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.51")).startsWith("JPEG Extended");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.57")).startsWith("JPEG Lossless");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.70")).startsWith("JPEG Lossless").contains("Selection Value 1");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.90")).isEqualTo("JPEG 2000 Lossless Only (1.2.840.10008.1.2.4.90)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.91")).isEqualTo("JPEG 2000 (1.2.840.10008.1.2.4.91)");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.100")).startsWith("MPEG2");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.102")).startsWith("MPEG-4 AVC/H.264");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.107")).startsWith("HEVC/H.265");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.108")).startsWith("HEVC/H.265 Main 10");
        assertThat(DicomCodecs.name("1.2.840.10008.1.2.4.201")).startsWith("High-Throughput JPEG 2000");
    }

    @Test
    void namesUnknownSyntaxes() {
        assertThat(DicomCodecs.name("1.2.3.4")).isEqualTo("unknown transfer syntax (1.2.3.4)");
        assertThat(DicomCodecs.name(null)).isEqualTo("unknown transfer syntax (null)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.5",
            "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.102", "9.9.9"})
    void unsupportedSyntaxIsNamedInTheError(String uid) {
        byte[] frame = CodecSamples.resource("MR_small_jp2klossless.frame.bin");
        assertThatThrownBy(() -> DicomCodecs.decode(uid, frame, MONO16))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith("cannot decode pixel data in " + DicomCodecs.name(uid))
                .hasMessageNotContaining("\n");
    }

    @Test
    void jpegLsErrorNamesJpegLs() {
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.80", new byte[] {(byte) 0xFF, (byte) 0xD8}, MONO16))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("JPEG-LS Lossless (1.2.840.10008.1.2.4.80)");
    }

    static List<CodecSamples.Sample> samples() {
        return CodecSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void truncatedFrameFailsCleanly(CodecSamples.Sample s) {
        byte[] frame = s.frame();
        for (int keep : new int[] {frame.length / 2, frame.length * 9 / 10, 20, 3}) {
            byte[] cut = Arrays.copyOf(frame, keep);
            MedinoException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchMedino(() -> DicomCodecs.decode(s.transferSyntax(), cut, s.spec())));
            assertThat(e).as("%s cut to %d bytes", s.name(), keep).isNotNull();
            assertThat(e.getMessage()).startsWith(DicomCodecs.name(s.transferSyntax()) + " frame: ").doesNotContain("\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
            "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"})
    void garbageBytesFailCleanly(String uid) {
        Random random = new Random(42);
        for (int size : new int[] {1, 2, 17, 1000, 100_000}) {
            byte[] garbage = new byte[size];
            random.nextBytes(garbage);
            MedinoException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchMedino(() -> DicomCodecs.decode(uid, garbage, MONO16)));
            assertThat(e).as("%d garbage bytes", size).isNotNull();
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void garbageAfterValidHeadersDecodesOrFailsCleanly(CodecSamples.Sample s) {
        // corrupt entropy-coded data: a decoder may produce noise, but must not hang or throw
        // anything but MedinoException
        Random random = new Random(7);
        byte[] frame = s.frame();
        for (int trial = 0; trial < 5; trial++) {
            byte[] bad = frame.clone();
            int from = Math.min(frame.length - 1, headerEnd(frame));
            for (int i = from + random.nextInt(Math.max(1, (frame.length - from) / 2)); i < bad.length; i += 1 + random.nextInt(7)) {
                bad[i] = (byte) random.nextInt(256);
            }
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    int[] out = DicomCodecs.decode(s.transferSyntax(), bad, s.spec());
                    assertThat(out).hasSize(s.spec().rows() * s.spec().columns() * s.spec().samplesPerPixel());
                } catch (MedinoException e) {
                    assertThat(e.getMessage()).doesNotContain("\n");
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void corruptBytesAnywhereDecodeOrFailCleanly(CodecSamples.Sample s) {
        // single corrupted bytes, headers included
        Random random = new Random(11);
        byte[] frame = s.frame();
        for (int trial = 0; trial < 60; trial++) {
            byte[] bad = frame.clone();
            int at = trial < 30 ? random.nextInt(Math.min(bad.length, 200)) : random.nextInt(bad.length);
            bad[at] = (byte) (bad[at] ^ (1 + random.nextInt(255)));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    int[] out = DicomCodecs.decode(s.transferSyntax(), bad, s.spec());
                    assertThat(out).hasSize(s.spec().rows() * s.spec().columns() * s.spec().samplesPerPixel());
                } catch (MedinoException e) {
                    assertThat(e.getMessage()).doesNotContain("\n");
                }
            }, () -> s.name() + " with byte " + at + " corrupted");
        }
    }

    @Test
    void emptyFrameFails() {
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.50", new byte[0], MONO16))
                .isInstanceOf(MedinoException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.90", null, MONO16))
                .isInstanceOf(MedinoException.class).hasMessageContaining("empty");
    }

    @Test
    void impossibleSpecFails() {
        byte[] frame = CodecSamples.resource("MR_small_jp2klossless.frame.bin");
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.90", frame,
                new FrameSpec(64, 64, 2, 16, 16, true, "MONOCHROME2")))
                .isInstanceOf(MedinoException.class).hasMessageContaining("Samples per Pixel 2");
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.90", frame,
                new FrameSpec(0, 64, 1, 16, 16, true, "MONOCHROME2")))
                .isInstanceOf(MedinoException.class).hasMessageContaining("must be positive");
    }

    @Test
    void jpegLosslessFrameUnderJ2kSyntaxFails() {
        byte[] jpeg = CodecSamples.resource("MR_small_jpeg_lossless_sv1.frame.bin");
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.90", jpeg, MONO16))
                .isInstanceOf(MedinoException.class).hasMessageContaining("not a JPEG 2000 codestream");
        byte[] j2k = CodecSamples.resource("MR_small_jp2klossless.frame.bin");
        assertThatThrownBy(() -> DicomCodecs.decode("1.2.840.10008.1.2.4.70", j2k, MONO16))
                .isInstanceOf(MedinoException.class).hasMessageContaining("not a JPEG stream");
    }

    private static MedinoException catchMedino(Runnable r) {
        try {
            r.run();
            return null;
        } catch (MedinoException e) {
            return e;
        }
    }

    /** Roughly where the headers end: after the SOS segment (JPEG) or at the first SOD (J2K). */
    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            int m = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (m == 0xFFDA) {
                return i + 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
            }
            if (m == 0xFF93) {
                return i + 2;
            }
        }
        return b.length / 2;
    }
}

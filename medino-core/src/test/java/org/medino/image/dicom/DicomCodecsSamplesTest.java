package org.medino.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.MedinoException;

/**
 * Decodes every fixture frame and compares it with what pydicom + GDCM returned for the same
 * frame (see make_frames.py), converted to RGB where pydicom left YBR_FULL(_422).
 */
class DicomCodecsSamplesTest {

    private static final Set<String> LOSSLESS = Set.of(
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90");

    /**
     * Largest |difference| allowed for lossy samples, as measured. Lossy JPEG matches exactly: the
     * JDK's libjpeg and GDCM's IJG code share the "islow" IDCT and fancy upsampling, and
     * JpegDctDecoder replicates islow at 12 bits. JPEG 2000 lossy (9/7 wavelet in floating point,
     * jj2000 vs OpenJPEG) differs by 1 on 20 of 262144 samples of JPEG2000.dcm and not at all on
     * 693_J2KI.dcm.
     */
    private static final Map<String, Integer> LOSSY_BOUND = Map.of("JPEG2000", 1);

    static List<CodecSamples.Sample> samples() {
        return CodecSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesAsPydicomWithGdcm(CodecSamples.Sample sample) {
        int[] expected = sample.expected();

        int[] actual = DicomCodecs.decode(sample.transferSyntax(), sample.frame(), sample.spec());

        assertThat(actual).hasSameSizeAs(expected);
        if (LOSSLESS.contains(sample.transferSyntax())) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(CodecSamples.maxDiff(actual, expected))
                    .as("max |diff| of lossy %s", sample.name())
                    .isLessThanOrEqualTo(LOSSY_BOUND.getOrDefault(sample.name(), 0));
        }
    }

    @Test
    void allFixturesAreListed() {
        assertThat(samples()).hasSize(18);
        assertThat(samples()).extracting(CodecSamples.Sample::transferSyntax).allMatch(DicomCodecs::supports);
    }

    @Test
    void signedLosslessJpegIsSignExtended() {
        // MR_small is signed 16-bit; GDCM's JPEG lossless round trip equals the native data
        CodecSamples.Sample mr = CodecSamples.named("MR_small_jpeg_lossless_sv1");
        assertThat(mr.spec().signed()).isTrue();
        assertThat(DicomCodecs.decode(mr.transferSyntax(), mr.frame(), mr.spec())).isEqualTo(mr.expected());
    }

    @Test
    void unsignedJ2kInSignedDataSetIsSignExtendedFromItsPrecision() {
        CodecSamples.Sample s = CodecSamples.named("J2K_pixelrep_mismatch");
        int[] values = DicomCodecs.decode(s.transferSyntax(), s.frame(), s.spec());
        assertThat(values).contains(-2000, 1896).isEqualTo(s.expected());
        assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isEqualTo(-2000);
    }

    @Test
    void ybrFull422BaselineComesOutAsRgb() {
        // pil_ybr_full_422 holds SC_rgb_jpeg_dcmd's RGB image as 4:2:2 YCbCr without a JFIF marker
        CodecSamples.Sample ybr = CodecSamples.named("pil_ybr_full_422");
        CodecSamples.Sample rgb = CodecSamples.named("SC_jpeg_no_color_transform"); // same picture, stored RGB
        int[] fromYbr = DicomCodecs.decode(ybr.transferSyntax(), ybr.frame(), ybr.spec());
        int[] fromRgb = DicomCodecs.decode(rgb.transferSyntax(), rgb.frame(), rgb.spec());
        assertThat(fromYbr).isEqualTo(ybr.expected());
        // a YCbCr reading of it would be far off; as RGB it is within the JPEG loss (quality 90)
        double meanDiff = 0;
        for (int i = 0; i < fromYbr.length; i++) {
            meanDiff += Math.abs(fromYbr[i] - fromRgb[i]);
        }
        assertThat(meanDiff / fromYbr.length).isLessThan(1.0);
    }

    @Test
    void jpeg2000WithRctGivesRgb() {
        CodecSamples.Sample s = CodecSamples.named("GDCMJ2K_TextGBR");
        int[] rgb = DicomCodecs.decode(s.transferSyntax(), s.frame(), s.spec());
        // grey background; the words "red", "green", "blue" in pure red, green and blue
        assertThat(pixel(rgb, 400, 0, 0)).containsExactly(128, 128, 128);
        assertThat(pixel(rgb, 400, 40, 80)).containsExactly(255, 0, 0);
        assertThat(pixel(rgb, 400, 243, 179)).containsExactly(0, 255, 0);
        assertThat(pixel(rgb, 400, 142, 278)).containsExactly(0, 0, 255);
    }

    private static int[] pixel(int[] rgb, int columns, int x, int y) {
        int i = (y * columns + x) * 3;
        return new int[] {rgb[i], rgb[i + 1], rgb[i + 2]};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ownDctDecoderAgreesWithGdcmOnUnsubsampledLossyJpeg(CodecSamples.Sample sample) {
        // JpegDctDecoder only runs for 12-bit in production; at 8 bits it must agree with GDCM too
        if (!sample.transferSyntax().equals(DicomCodecs.JPEG_BASELINE) && !sample.transferSyntax().equals(DicomCodecs.JPEG_EXTENDED)) {
            return;
        }
        byte[] frame = sample.frame();
        FrameSpec spec = sample.spec();
        int[] actual;
        try {
            actual = JpegDctDecoder.decode(frame, spec);
        } catch (MedinoException e) {
            assertThat(e.getMessage()).contains("subsampled chroma");
            return;
        }
        if (spec.samplesPerPixel() == 3 && DicomCodecs.isYbrFull(spec.photometric())) {
            DicomCodecs.ybrFullToRgb(actual, spec.bitsStored());
        }
        assertThat(actual).isEqualTo(sample.expected());
    }

    @Test
    void wrongSizeIsRefused() {
        for (CodecSamples.Sample s : samples()) {
            FrameSpec spec = s.spec();
            FrameSpec taller = new FrameSpec(spec.rows() + 1, spec.columns(), spec.samplesPerPixel(),
                    spec.bitsAllocated(), spec.bitsStored(), spec.signed(), spec.photometric());
            assertThatThrownBy(() -> DicomCodecs.decode(s.transferSyntax(), s.frame(), taller))
                    .as(s.name())
                    .isInstanceOf(MedinoException.class)
                    .hasMessageContaining("the data set says " + spec.columns() + "x" + (spec.rows() + 1))
                    .hasMessageNotContaining("\n");
        }
    }
}

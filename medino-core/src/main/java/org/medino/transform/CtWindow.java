package org.medino.transform;

/**
 * CT windowing: Hounsfield units inside {@code [level − width/2, level + width/2]} are mapped
 * linearly onto [0, 1], values outside are clamped to 0 or 1:
 * {@code y = clamp((x − (level − width/2)) / width, 0, 1)}.
 *
 * <p>This is the plain linear window (MONAI's {@code ScaleIntensityRange(a_min=L−W/2,
 * a_max=L+W/2, b_min=0, b_max=1, clip=True)}), not DICOM PS3.3 C.11.2.1.2's variant with
 * {@code c − 0.5} and {@code w − 1}, which only matters for integer display ranges.
 */
public final class CtWindow extends IntensityTransform {

    /**
     * Common window presets (level, width) in HU, as listed by Radiopaedia's "Windowing (CT)"
     * article and standard radiology teaching; abdomen uses L 40 (Radiopaedia gives L 50 for
     * soft tissue, textbooks L 40–60).
     */
    public enum Preset {
        /** L −600, W 1500: [−1350, 150]. */
        LUNG(-600, 1500),
        /** L 50, W 350: [−125, 225]. */
        MEDIASTINUM(50, 350),
        /** L 40, W 400: [−160, 240]. */
        ABDOMEN(40, 400),
        /** L 400, W 1800: [−500, 1300]. */
        BONE(400, 1800),
        /** L 40, W 80: [0, 80]. */
        BRAIN(40, 80);

        public final double level;
        public final double width;

        Preset(double level, double width) {
            this.level = level;
            this.width = width;
        }
    }

    private final double level;
    private final double width;

    public CtWindow(double level, double width) {
        if (!(width > 0) || !Double.isFinite(level) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("window needs a finite level and a positive width: L " + level + " W " + width);
        }
        this.level = level;
        this.width = width;
    }

    public CtWindow(Preset preset) {
        this(preset.level, preset.width);
    }

    public double lower() {
        return level - width / 2;
    }

    public double upper() {
        return level + width / 2;
    }

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        double lo = lower();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            double y = (values[i] - lo) / width;
            out[i] = (float) Math.min(1.0, Math.max(0.0, y));
        }
        return out;
    }

    @Override
    public String toString() {
        return "CtWindow(L " + level + ", W " + width + ")";
    }
}

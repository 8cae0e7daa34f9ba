package org.medino.embed;

import java.util.Locale;
import org.medino.MedinoException;
import org.medino.transform.CtWindow;
import org.medino.transform.HuClamp;
import org.medino.transform.MinMaxScale;
import org.medino.transform.PercentileScale;
import org.medino.transform.Transform;

/**
 * How raw voxel values become [0, 1] before a model's mean/std normalization. {@code auto}: 8-bit
 * images are divided by 255 (as torchvision's ToTensor), anything else is min-max scaled per image;
 * CT users usually want a window ({@code ct-lung}, ...) and MRI users a percentile scaling.
 */
public enum IntensityScaling {
    AUTO, MINMAX, NONE, CT_LUNG, CT_MEDIASTINUM, CT_ABDOMEN, CT_BONE, CT_BRAIN, HU_CLAMP, MRI_P1_99, MRI_P5_95;

    /** The option value: {@code auto}, {@code ct-lung}, {@code mri-p1-99}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IntensityScaling parse(String text) {
        for (IntensityScaling s : values()) {
            if (s.label().equals(text)) return s;
        }
        StringBuilder known = new StringBuilder();
        for (IntensityScaling s : values()) known.append(known.length() == 0 ? "" : ", ").append(s.label());
        throw new MedinoException("unknown intensity scaling '" + text + "' (known: " + known + ")");
    }

    /** The transform for an image whose file stores {@code storedDtype} values. */
    public Transform transform(String storedDtype) {
        return switch (this) {
            case AUTO -> "uint8".equals(storedDtype) ? divideBy255() : new MinMaxScale();
            case MINMAX -> new MinMaxScale();
            case NONE -> (sample, random) -> sample;
            case CT_LUNG -> new CtWindow(CtWindow.Preset.LUNG);
            case CT_MEDIASTINUM -> new CtWindow(CtWindow.Preset.MEDIASTINUM);
            case CT_ABDOMEN -> new CtWindow(CtWindow.Preset.ABDOMEN);
            case CT_BONE -> new CtWindow(CtWindow.Preset.BONE);
            case CT_BRAIN -> new CtWindow(CtWindow.Preset.BRAIN);
            case HU_CLAMP -> new HuClamp(-1024, 600, true);
            case MRI_P1_99 -> PercentileScale.p1p99();
            case MRI_P5_95 -> PercentileScale.p5p95();
        };
    }

    private static Transform divideBy255() {
        return (sample, random) -> sample.map((name, image) -> {
            if (image.isLabelMap()) {
                return image;
            }
            float[] v = image.data().clone();
            for (int i = 0; i < v.length; i++) v[i] /= 255f;
            return image.withData(v);
        });
    }
}

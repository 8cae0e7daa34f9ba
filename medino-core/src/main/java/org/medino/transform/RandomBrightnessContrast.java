package org.medino.transform;

import java.util.SplittableRandom;

/**
 * The brightness and contrast part of torchvision's {@code ColorJitter}, for images in [0, 1]:
 *
 * <ul>
 *   <li>brightness factor {@code b ~ U(max(0, 1 − brightness), 1 + brightness)}:
 *       {@code adjust_brightness} = {@code clamp(b · x, 0, 1)};</li>
 *   <li>contrast factor {@code c ~ U(max(0, 1 − contrast), 1 + contrast)}:
 *       {@code adjust_contrast} = {@code clamp(c · x + (1 − c) · m, 0, 1)}, m the mean grey level:
 *       for 3 channels the mean of {@code 0.2989 R + 0.587 G + 0.114 B} (torchvision's
 *       {@code rgb_to_grayscale}), for 1 channel the mean, for other counts the mean over all
 *       channels.</li>
 * </ul>
 *
 * The order of the two is drawn too (ColorJitter draws a random order of its four operations).
 * One draw per sample, the same factors for all its images; each image uses its own mean. Label
 * maps are untouched. A zero strength disables that adjustment (no draw is made for it).
 */
public final class RandomBrightnessContrast extends RandomTransform<RandomBrightnessContrast.Factors> {

    /** Brightness and contrast factors, and whether brightness is applied first. */
    public record Factors(double brightness, double contrast, boolean brightnessFirst) {}

    private final double brightness;
    private final double contrast;

    public RandomBrightnessContrast(double brightness, double contrast) {
        if (!(brightness >= 0) || !(contrast >= 0)) throw new IllegalArgumentException("strengths must be >= 0");
        this.brightness = brightness;
        this.contrast = contrast;
    }

    @Override
    public Factors sample(Sample sample, SplittableRandom random) {
        boolean brightnessFirst = random.nextBoolean();
        double b = brightness == 0 ? 1 : uniform(random, Math.max(0, 1 - brightness), 1 + brightness);
        double c = contrast == 0 ? 1 : uniform(random, Math.max(0, 1 - contrast), 1 + contrast);
        return new Factors(b, c, brightnessFirst);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    @Override
    public Sample applyWith(Sample sample, Factors f) {
        return sample.map((name, im) -> {
            if (im.isLabelMap()) return im;
            float[] v = im.data();
            if (f.brightnessFirst()) {
                v = brightness(v, f.brightness());
                v = contrast(v, im.channels(), f.contrast());
            } else {
                v = contrast(v, im.channels(), f.contrast());
                v = brightness(v, f.brightness());
            }
            return im.withData(v);
        });
    }

    /** torchvision {@code adjust_brightness} on float data. */
    public static float[] brightness(float[] v, double factor) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) clamp01(factor * v[i]);
        return out;
    }

    /** torchvision {@code adjust_contrast} on float data. */
    public static float[] contrast(float[] v, int channels, double factor) {
        double mean = greyMean(v, channels);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) clamp01(factor * v[i] + (1 - factor) * mean);
        return out;
    }

    static double greyMean(float[] v, int channels) {
        int n = v.length / channels;
        double sum = 0;
        if (channels == 3) {
            for (int p = 0; p < n; p++) sum += 0.2989 * v[p] + 0.587 * v[n + p] + 0.114 * v[2 * n + p];
            return sum / n;
        }
        for (float x : v) sum += x;
        return sum / v.length;
    }

    private static double clamp01(double x) {
        return Math.min(1.0, Math.max(0.0, x));
    }

    @Override
    public String toString() {
        return "RandomBrightnessContrast(" + brightness + ", " + contrast + ")";
    }
}

package org.medino.segment;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;

/**
 * 2D label maps and overlays as PNG. A label map is a grey PNG whose pixel values are the labels
 * (8-bit, or 16-bit when a label exceeds 255), so that any reader gets the integers back. An
 * overlay blends the class colours (50 %) over the grey image, for looking at, not for reading back.
 */
public final class LabelPng {
    /** Class colours 1, 2, …; background is not coloured. */
    private static final int[] COLOURS = {0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6,
        0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF};

    private LabelPng() {}

    /** Writes labels (row-major {@code h × w}) as a grey PNG, atomically. */
    public static void writeLabels(Path file, int[] labels, int h, int w) {
        int max = 0;
        for (int v : labels) max = Math.max(max, v);
        BufferedImage img = new BufferedImage(w, h, max > 255 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        r.setPixels(0, 0, w, h, labels);
        write(file, img);
    }

    /** Writes {@code grey} ([0, 1], row-major) with the labels blended in colour, atomically. */
    public static void writeOverlay(Path file, float[] grey, int[] labels, int h, int w) {
        write(file, overlay(grey, labels, h, w));
    }

    /** The overlay as PNG bytes (for embedding in a report). */
    public static byte[] overlayPng(float[] grey, int[] labels, int h, int w) {
        return encode(overlay(grey, labels, h, w));
    }

    /** The mean over channels of a channel-first image ({@code channels × n} values), for overlays. */
    public static float[] grey(float[] data, int n, int channels) {
        float[] g = new float[n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) g[i] += data[c * n + i] / channels;
        }
        return g;
    }

    static BufferedImage overlay(float[] grey, int[] labels, int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int g = Math.round(255 * Math.max(0f, Math.min(1f, grey[i])));
                int rgb = (g << 16) | (g << 8) | g;
                if (labels[i] > 0) {
                    int c = COLOURS[(labels[i] - 1) % COLOURS.length];
                    int red = (g + ((c >> 16) & 255)) / 2;
                    int green = (g + ((c >> 8) & 255)) / 2;
                    int blue = (g + (c & 255)) / 2;
                    rgb = (red << 16) | (green << 8) | blue;
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static void write(Path file, BufferedImage img) {
        AtomicFiles.write(file, encode(img));
    }

    private static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new MedinoException("no PNG writer available");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

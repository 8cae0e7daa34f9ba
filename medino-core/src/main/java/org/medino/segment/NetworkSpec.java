package org.medino.segment;

import java.util.List;
import java.util.Locale;
import org.medino.MedinoException;

/**
 * Which network to build: a head on a frozen DINOv2 ({@code linear}, {@code multilayer},
 * {@code unet}) or a baseline trained from scratch ({@code unet}, {@code transunet}).
 *
 * @param kind {@code head} or {@code baseline}
 * @param name the head's or baseline's name
 * @param classes K, the number of output channels
 * @param inputSize P, the padded side the network runs at
 */
public record NetworkSpec(String kind, String name, int classes, int inputSize) {
    public static final String HEAD = "head";
    public static final String BASELINE = "baseline";
    public static final List<String> HEADS = List.of("linear", "multilayer", "unet");
    public static final List<String> BASELINES = List.of("unet", "transunet");

    public NetworkSpec {
        name = name.toLowerCase(Locale.ROOT);
        if (HEAD.equals(kind)) {
            if (!HEADS.contains(name)) throw new MedinoException("--head '" + name + "': use linear, multilayer or unet");
        } else if (BASELINE.equals(kind)) {
            if (!BASELINES.contains(name)) throw new MedinoException("--baseline '" + name + "': use unet or transunet");
        } else {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public boolean isHead() {
        return HEAD.equals(kind);
    }

    /** How many of the backbone's last blocks the head reads (0 for baselines). */
    public int blocks() {
        if (!isHead()) return 0;
        return switch (name) {
            case "linear" -> 1;
            case "multilayer" -> 4;
            default -> 5;
        };
    }

    /** The side multiple the network needs: the patch size for heads, 16 for the baselines. */
    public int sizeMultiple() {
        return isHead() ? 14 : 16;
    }

    public String describe() {
        return isHead() ? name + " head on a frozen DINOv2" : name + " baseline (from scratch)";
    }
}

package org.medino.model;

/** The feed-forward layer of each block: GELU MLP (ViT-S/B/L) or SwiGLU (ViT-g). */
public enum FfnType {
    MLP,
    SWIGLU
}

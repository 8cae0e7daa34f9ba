package org.medino.checkpoint;

/** The two key layouts a DINOv2 backbone is published in. */
public enum KeyLayout {
    /** facebookresearch/dinov2: {@code cls_token}, {@code blocks.0.attn.qkv.weight}, ... */
    OFFICIAL("patch_embed.proj.weight"),
    /** Hugging Face transformers: {@code embeddings.cls_token}, {@code encoder.layer.0.attention.attention.query.weight}, ... */
    HUGGING_FACE("embeddings.patch_embeddings.projection.weight");

    private final String markerKey;

    KeyLayout(String markerKey) {
        this.markerKey = markerKey;
    }

    /** A key every backbone of this layout has, used to detect the layout and any prefix before it. */
    public String markerKey() {
        return markerKey;
    }
}

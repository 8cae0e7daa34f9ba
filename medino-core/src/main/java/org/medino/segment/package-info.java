/**
 * Segmentation networks: heads on frozen DINOv2 patch maps ({@link org.medino.segment.LinearHead},
 * {@link org.medino.segment.MultiLayerHead}, {@link org.medino.segment.DinoUNetHead}) and
 * from-scratch baselines ({@link org.medino.segment.UNet}, {@link org.medino.segment.TransUNet}).
 * Each is a {@link org.medino.nn.Module} built from a plain config record and gives logits
 * [B, K, H, W].
 */
package org.medino.segment;

package org.medino.segment;

import java.util.List;

/**
 * TransUNet's numbers. The CNN part is a torchvision-style ResNet with BatchNorm cut after its
 * third stage (bottlenecks of expansion 4); the transformer reads its 1/16 map.
 *
 * @param inChannels image channels C
 * @param numClasses K
 * @param imageHeight the training image height (fixes the position-embedding grid, H/16)
 * @param imageWidth the training image width
 * @param stemWidth channels of the 7×7/2 stem (64); also the 1/2 skip's channels
 * @param stageWidths bottleneck inner widths of the three stages (64, 128, 256); their outputs
 *     have four times as many channels (256, 512, 1024)
 * @param stageBlocks bottlenecks per stage (3, 4, 9)
 * @param hidden transformer width (768)
 * @param layers transformer blocks (12)
 * @param heads attention heads (12)
 * @param mlpDim transformer MLP width (3072)
 * @param dropout dropout after the embeddings, in the MLPs and after attention (0.1)
 * @param attentionDropout dropout on attention weights (0)
 * @param decoderHeadChannels width of the first decoder convolution (512)
 * @param decoderWidths widths of the four decoder blocks (256, 128, 64, 16)
 */
public record TransUNetConfig(
        int inChannels,
        int numClasses,
        int imageHeight,
        int imageWidth,
        int stemWidth,
        List<Integer> stageWidths,
        List<Integer> stageBlocks,
        int hidden,
        int layers,
        int heads,
        int mlpDim,
        double dropout,
        double attentionDropout,
        int decoderHeadChannels,
        List<Integer> decoderWidths) {
    /** Bottleneck output channels per inner channel. */
    public static final int EXPANSION = 4;
    /** The transformer's grid is the image down-sampled this much. */
    public static final int DOWNSAMPLING = 16;

    public TransUNetConfig {
        stageWidths = List.copyOf(stageWidths);
        stageBlocks = List.copyOf(stageBlocks);
        decoderWidths = List.copyOf(decoderWidths);
        if (stageWidths.size() != 3 || stageBlocks.size() != 3 || decoderWidths.size() != 4) {
            throw new IllegalArgumentException("TransUNet has 3 ResNet stages and 4 decoder blocks");
        }
        if (imageHeight % DOWNSAMPLING != 0 || imageWidth % DOWNSAMPLING != 0) {
            throw new IllegalArgumentException("image size must be a multiple of 16: " + imageHeight + "×" + imageWidth);
        }
    }

    /** The paper's R50-ViT-B/16. */
    public static TransUNetConfig r50VitB16(int inChannels, int numClasses, int imageHeight, int imageWidth) {
        return new TransUNetConfig(inChannels, numClasses, imageHeight, imageWidth, 64, List.of(64, 128, 256),
                List.of(3, 4, 9), 768, 12, 12, 3072, 0.1, 0.0, 512, List.of(256, 128, 64, 16));
    }

    /** Channels of the 1/2, 1/4 and 1/8 skips. */
    public List<Integer> skipChannels() {
        return List.of(stemWidth, EXPANSION * stageWidths.get(0), EXPANSION * stageWidths.get(1));
    }

    /** Channels of the 1/16 map the transformer embeds. */
    public int deepChannels() {
        return EXPANSION * stageWidths.get(2);
    }

    public int gridHeight() {
        return imageHeight / DOWNSAMPLING;
    }

    public int gridWidth() {
        return imageWidth / DOWNSAMPLING;
    }
}

package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.medino.nn.BatchNorm2d;
import org.medino.nn.Bilinear;
import org.medino.nn.Conv2d;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/**
 * DINOv2's segmentation "linear" head (mmseg's BNHead): the maps of the last n blocks concatenated
 * along channels, BatchNorm ({@code bn}), a 1×1 convolution to the classes ({@code conv_seg}),
 * and bilinear up-sampling (align_corners=False) to the image size.
 */
abstract class BatchNormLinearHead extends Module implements FeatureSegmenter {
    private final BatchNorm2d bn;
    private final Conv2d convSeg;
    private final int blocks;

    BatchNormLinearHead(ModuleContext context, int embedDim, int numClasses, int blocks) {
        super(context);
        this.bn = addChild("bn", new BatchNorm2d(context, blocks * embedDim));
        this.convSeg = addChild("conv_seg", new Conv2d(context, blocks * embedDim, numClasses, 1, 1, 0, true));
        this.blocks = blocks;
    }

    @Override
    public NDArray forward(List<NDArray> features, int height, int width) {
        List<NDArray> used = Features.newest(features, blocks, getClass().getSimpleName());
        NDArray x = blocks == 1 ? used.get(0) : NDArrays.concat(new NDList(used), 1);
        return Bilinear.resize(convSeg.forward(bn.forward(x)), height, width, false);
    }

    @Override
    public int blocksUsed() {
        return blocks;
    }
}

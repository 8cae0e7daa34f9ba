package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.medino.nn.Conv2d;
import org.medino.nn.Dropout;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/**
 * TransUNet's hybrid embedding: a 1×1 convolution ({@code patch_embeddings}) turns each cell of
 * the CNN's 1/16 map into a token, plus a learned {@code position_embeddings} [1, h·w, hidden]
 * for the grid fixed at construction (zeros initially, as TransUNet), then dropout.
 */
final class GridEmbedding extends Module {
    private final Conv2d patchEmbeddings;
    private final NDArray positionEmbeddings;
    private final Dropout dropout;
    private final int gridHeight;
    private final int gridWidth;

    GridEmbedding(ModuleContext context, TransUNetConfig config) {
        super(context);
        this.patchEmbeddings = addChild("patch_embeddings",
                new Conv2d(context, config.deepChannels(), config.hidden(), 1, 1, 0, true));
        this.gridHeight = config.gridHeight();
        this.gridWidth = config.gridWidth();
        this.positionEmbeddings = addParameter("position_embeddings",
                context.zeros(1, (long) gridHeight * gridWidth, config.hidden()), false);
        this.dropout = addChild("dropout", new Dropout(context, config.dropout()));
    }

    /** [B, deep, h, w] → tokens [B, h·w, hidden], row-major over the grid. */
    NDArray forward(NDArray map) {
        Shape s = map.getShape();
        if (s.get(2) != gridHeight || s.get(3) != gridWidth) {
            throw new IllegalArgumentException("TransUNet was built for a " + gridHeight + "×" + gridWidth
                    + " token grid (image " + 16 * gridHeight + "×" + 16 * gridWidth + "), got " + s.get(2) + "×"
                    + s.get(3));
        }
        NDArray embedded = patchEmbeddings.forward(map);
        long b = s.get(0);
        long hidden = embedded.getShape().get(1);
        NDArray tokens = embedded.reshape(b, hidden, (long) gridHeight * gridWidth).transpose(0, 2, 1);
        // tokens first: the sum belongs to the caller's scope, not the parameter manager
        return dropout.forward(tokens.add(positionEmbeddings));
    }
}

package org.medino.nn;

import ai.djl.ndarray.NDArray;

/** fc1 → GELU → dropout → fc2 → dropout, the transformer feed-forward block. */
public final class Mlp extends Module implements Layer {
    private final Linear fc1;
    private final Linear fc2;
    private final Dropout dropout;

    public Mlp(ModuleContext context, int dim, int hidden, double dropout) {
        super(context);
        this.fc1 = addChild("fc1", new Linear(context, dim, hidden, true));
        this.fc2 = addChild("fc2", new Linear(context, hidden, dim, true));
        this.dropout = addChild("drop", new Dropout(context, dropout));
    }

    @Override
    public NDArray forward(NDArray x) {
        return dropout.forward(fc2.forward(dropout.forward(GELU.apply(fc1.forward(x)))));
    }
}

package org.medino.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains many linear heads together in one pass over the data, as DINOv2's linear evaluation
 * does: SGD with momentum 0.9 and weight decay 0 ({@code torch.optim.SGD(..., momentum=0.9,
 * weight_decay=0)}), each head with its own learning rate under a cosine schedule to 0.
 *
 * <p>Gradients are written by hand: for a linear layer they are two matrix products, which is
 * simpler and faster than autograd here.
 * <ul>
 *   <li>Single-label (multiclass and binary): softmax cross-entropy averaged over the batch
 *       ({@code nn.CrossEntropyLoss()}), gradient {@code (softmax - onehot) / B}. Binary data uses a
 *       2-way softmax, as DINOv2 would with {@code num_classes=2}.</li>
 *   <li>Multi-label: per-finding sigmoid BCE averaged over batch and findings
 *       ({@code nn.BCEWithLogitsLoss()} default), gradient {@code (sigmoid - y) / (B*K)}.</li>
 * </ul>
 * Momentum follows torch (dampening 0, no Nesterov): {@code buf = 0.9 buf + g; w -= lr_t buf}.
 * Everything stays in float32 like DINOv2's heads.
 */
final class SgdHeadTrainer {
    static final float MOMENTUM = 0.9f;

    private SgdHeadTrainer() {}

    /**
     * Runs {@code maxIter} SGD steps on every bank, updating the banks' weights in place.
     *
     * @param batch rows per step; {@code source} yields that many row indices per step
     */
    static void train(NDManager parent, List<HeadBank> banks, ProbeFeatures data, BatchSource source, int batch, int maxIter) {
        boolean multiLabel = data.multiHot() != null;
        int classes = data.numClasses();
        try (NDManager scope = parent.newSubManager()) {
            List<NDArray[]> state = new ArrayList<>(); // w, b, momentum of w, momentum of b
            for (HeadBank bank : banks) {
                NDArray w = scope.create(bank.w, new Shape(bank.width, bank.columns()));
                NDArray b = scope.create(bank.b, new Shape(1, bank.columns()));
                state.add(new NDArray[] {w, b, scope.zeros(w.getShape()), scope.zeros(b.getShape())});
            }
            for (int it = 0; it < maxIter; it++) {
                int[] rows = source.next();
                double factor = org.medino.train.CosineSchedule.factor(it, maxIter);
                try (NDManager step = scope.newSubManager()) {
                    NDArray target = targets(step, data, rows, classes, multiLabel);
                    for (int g = 0; g < banks.size(); g++) {
                        HeadBank bank = banks.get(g);
                        NDArray[] s = state.get(g);
                        float[] xb = new float[batch * bank.width];
                        for (int r = 0; r < batch; r++) {
                            data.copyHeadInputRow(rows[r], bank.nLastBlocks, bank.avgpool, xb, r * bank.width);
                        }
                        NDArray x = step.create(xb, new Shape(batch, bank.width));
                        NDArray logits = x.matMul(s[0]).add(s[1]).reshape(batch, bank.heads(), classes);
                        NDArray grad;
                        if (multiLabel) {
                            grad = ai.djl.nn.Activation.sigmoid(logits).sub(target).div((float) batch * classes);
                        } else {
                            grad = logits.softmax(2).sub(target).div((float) batch);
                        }
                        grad = grad.reshape(batch, bank.columns());
                        NDArray gw = x.transpose().matMul(grad);
                        NDArray gb = grad.sum(new int[] {0}, true);
                        s[2].muli(MOMENTUM).addi(gw);
                        s[3].muli(MOMENTUM).addi(gb);
                        NDArray lr = step.create(columnRates(bank, factor), new Shape(1, bank.columns()));
                        s[0].subi(lr.mul(s[2]));
                        s[1].subi(lr.mul(s[3]));
                    }
                }
            }
            for (int g = 0; g < banks.size(); g++) {
                HeadBank bank = banks.get(g);
                System.arraycopy(state.get(g)[0].toFloatArray(), 0, bank.w, 0, bank.w.length);
                System.arraycopy(state.get(g)[1].toFloatArray(), 0, bank.b, 0, bank.b.length);
            }
        }
    }

    /** One-hot [B, 1, K] (single-label) or multi-hot [B, 1, K] (multi-label), broadcast over heads. */
    private static NDArray targets(NDManager m, ProbeFeatures data, int[] rows, int classes, boolean multiLabel) {
        float[] t = new float[rows.length * classes];
        for (int r = 0; r < rows.length; r++) {
            if (multiLabel) {
                for (int k = 0; k < classes; k++) t[r * classes + k] = data.multiHot()[rows[r] * classes + k];
            } else {
                t[r * classes + data.labels()[rows[r]]] = 1f;
            }
        }
        return m.create(t, new Shape(rows.length, 1, classes));
    }

    /** The learning rate of every weight column at this step: head h's lr times the cosine factor. */
    private static float[] columnRates(HeadBank bank, double factor) {
        float[] out = new float[bank.columns()];
        for (int h = 0; h < bank.heads(); h++) {
            float lr = (float) (bank.settings.get(h).lr() * factor);
            java.util.Arrays.fill(out, h * bank.classes, (h + 1) * bank.classes, lr);
        }
        return out;
    }

    /**
     * Every head's scores on {@code data}: class probabilities (softmax) for single-label data,
     * per-finding sigmoid for multi-label data. Rows go through in chunks to bound memory.
     */
    static List<Predictions> predict(NDManager parent, HeadBank bank, ProbeFeatures data) {
        boolean multiLabel = data.multiHot() != null;
        int k = bank.classes;
        int cols = bank.columns();
        float[][] scores = new float[bank.heads()][data.n() * k];
        int chunk = 4096;
        try (NDManager scope = parent.newSubManager()) {
            NDArray w = scope.create(bank.w, new Shape(bank.width, cols));
            NDArray b = scope.create(bank.b, new Shape(1, cols));
            for (int start = 0; start < data.n(); start += chunk) {
                int rows = Math.min(chunk, data.n() - start);
                try (NDManager step = scope.newSubManager()) {
                    float[] xb = new float[rows * bank.width];
                    for (int r = 0; r < rows; r++) {
                        data.copyHeadInputRow(start + r, bank.nLastBlocks, bank.avgpool, xb, r * bank.width);
                    }
                    NDArray logits = step.create(xb, new Shape(rows, bank.width)).matMul(w).add(b).reshape(rows, bank.heads(), k);
                    NDArray p = multiLabel ? ai.djl.nn.Activation.sigmoid(logits) : logits.softmax(2);
                    float[] flat = p.toFloatArray();
                    for (int r = 0; r < rows; r++) {
                        for (int h = 0; h < bank.heads(); h++) {
                            System.arraycopy(flat, (r * bank.heads() + h) * k, scores[h], (start + r) * k, k);
                        }
                    }
                }
            }
        }
        List<Predictions> out = new ArrayList<>();
        for (float[] s : scores) out.add(new Predictions(data.ids(), s, k));
        return out;
    }
}

package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few SGD steps of all 12 heads against torch (nn.Linear + CrossEntropyLoss/BCEWithLogitsLoss,
 * SGD momentum 0.9, CosineAnnealingLR) from the same initial weights and batch order.
 */
class SgdHeadTrainerTest {
    private static final Fixture F = new Fixture("probe_expected.txt");

    static ProbeFeatures features(boolean multiLabel) {
        int[] s = F.ints("shape");
        int n = s[0], blocks = s[1], d = s[2], k = s[3];
        byte[] multiHot = null;
        if (multiLabel) {
            int[] m = F.ints("multihot");
            multiHot = new byte[m.length];
            for (int i = 0; i < m.length; i++) multiHot[i] = (byte) m[i];
        }
        return new ProbeFeatures(Fixture.ids(n), F.floats("cls"), F.floats("patchMean"), n, blocks, d,
                multiLabel ? null : F.ints("labels"), multiHot, Fixture.names(k), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce", "bce"})
    void allHeadsMatchTorchAfterSgdSteps(String loss) {
        int[] s = F.ints("shape");
        int k = s[3], batch = s[4], iters = s[5];
        ProbeFeatures data = features(loss.equals("bce"));
        double[] lrs = F.get("lrs");
        List<HeadBank> banks = new ArrayList<>();
        for (int nb : new int[] {1, 4}) {
            for (boolean avg : new boolean[] {false, true}) {
                int width = data.inputWidth(nb, avg);
                List<ProbeSetting> settings = new ArrayList<>();
                float[] w = new float[width * lrs.length * k];
                for (int h = 0; h < lrs.length; h++) {
                    settings.add(new ProbeSetting(nb, avg, lrs[h], lrs[h] * batch / 256.0));
                    float[] init = F.floats(key("init", nb, avg, h));
                    for (int c = 0; c < k; c++) {
                        for (int j = 0; j < width; j++) w[j * lrs.length * k + h * k + c] = init[c * width + j];
                    }
                }
                banks.add(new HeadBank(nb, avg, width, k, settings, w, new float[lrs.length * k]));
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            SgdHeadTrainer.train(manager, banks, data, BatchSource.fixed(F.ints("stream"), batch), batch, iters);
        }
        double moved = 0, worst = 0;
        for (HeadBank bank : banks) {
            for (int h = 0; h < bank.heads(); h++) {
                float[] expectedW = F.floats(key(loss + "_w", bank.nLastBlocks, bank.avgpool, h));
                float[] init = F.floats(key("init", bank.nLastBlocks, bank.avgpool, h));
                float[] actual = bank.torchWeight(h);
                for (int i = 0; i < actual.length; i++) {
                    worst = Math.max(worst, Math.abs(actual[i] - expectedW[i]));
                    assertThat(actual[i]).as("w %d %s %d [%d]", bank.nLastBlocks, bank.avgpool, h, i).isCloseTo(expectedW[i], within(1e-5f));
                    moved = Math.max(moved, Math.abs(expectedW[i] - init[i]));
                }
                float[] expectedB = F.floats(key(loss + "_b", bank.nLastBlocks, bank.avgpool, h));
                float[] bias = bank.bias(h);
                for (int i = 0; i < bias.length; i++) assertThat(bias[i]).isCloseTo(expectedB[i], within(1e-5f));
            }
        }
        System.out.printf("probe %s: 12 heads, max |w - torch| %.1e, max |w - init| %.1e%n", loss, worst, moved);
        // the comparison means something only if training moved the weights well beyond the tolerance
        assertThat(moved).isGreaterThan(1e-2);
    }

    static String key(String prefix, int nb, boolean avg, int h) {
        return prefix + "_" + nb + "_" + (avg ? "True" : "False") + "_" + h;
    }
}

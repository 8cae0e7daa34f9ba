package org.medino.eval;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.medino.MedinoException;

/**
 * Linear probing as in the DINOv2 paper (dinov2/eval/linear.py), on cached features.
 *
 * <ol>
 *   <li>Train every head of the grid n_last_blocks × avgpool × learning rate together on the
 *       training rows (one pass, shared batches).</li>
 *   <li>Score each head on the validation split with the caller's scorer (accuracy for
 *       multiclass, AUROC for binary and multi-label, from the metrics module) and keep the best;
 *       ties go to the first head in grid order, as DINOv2's strict {@code >} does.</li>
 *   <li>Retrain that one setting on train + validation (same seed, same number of epochs) and
 *       predict the test split. DINOv2 instead reports the grid head itself on its test set; the
 *       refit uses all labelled data, which matters for small medical datasets.</li>
 * </ol>
 * Without a validation split, a seeded 10 % of train is held out for step 2 (see {@link Holdout});
 * step 3 then refits on the whole training split.
 */
public final class LinearProbe {
    private LinearProbe() {}

    /**
     * Runs the protocol.
     *
     * @param val validation split, or null to hold out part of train
     * @param scorer higher is better; gets a head's predictions for the validation rows (identified
     *     by their ids) and returns its score, NaN if it cannot score them
     */
    public static LinearProbeResult run(
            ProbeFeatures train, ProbeFeatures val, ProbeFeatures test, Function<Predictions, Double> scorer, LinearProbeOptions options) {
        if (options.nLastBlocks().size() * options.avgpool().size() * options.learningRates().length == 1) {
            // one setting: nothing to choose, so nothing is held out
            ProbeSetting only = new ProbeSetting(options.nLastBlocks().get(0), options.avgpool().get(0), options.learningRates()[0],
                    options.scaledLr(options.learningRates()[0]));
            try (NDManager manager = NDManager.newBaseManager()) {
                return refit(manager, train, val, test, only, List.of(), 0, options);
            }
        }
        ProbeFeatures fit = train;
        ProbeFeatures select = val;
        if (val == null) {
            Holdout.Split split = Holdout.split(train.n(), train.labels(), train.patientIds(), options.holdoutFraction(), options.seed());
            fit = train.select(split.train());
            select = train.select(split.held());
        }
        if (fit.n() == 0 || select.n() == 0) throw new MedinoException("linear probe needs training and validation rows");
        try (NDManager manager = NDManager.newBaseManager()) {
            // 1. the whole grid at once
            List<HeadBank> banks = grid(fit, options, new Random(options.seed()));
            int gridIterations = train(manager, banks, fit, options);

            // 2. choose on validation
            List<LinearProbeResult.HeadScore> scores = new ArrayList<>();
            ProbeSetting best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (HeadBank bank : banks) {
                List<Predictions> predictions = SgdHeadTrainer.predict(manager, bank, select);
                for (int h = 0; h < bank.heads(); h++) {
                    Double s = scorer.apply(predictions.get(h));
                    double score = s == null ? Double.NaN : s;
                    scores.add(new LinearProbeResult.HeadScore(bank.settings.get(h), score));
                    if (score > bestScore) {
                        bestScore = score;
                        best = bank.settings.get(h);
                    }
                }
            }
            if (best == null) throw new MedinoException("no linear head could be scored on the validation split");

            return refit(manager, train, val, test, best, scores, gridIterations, options);
        }
    }

    /** Step 3: refits the chosen setting on all labelled rows (train + val) and predicts test. */
    private static LinearProbeResult refit(NDManager manager, ProbeFeatures train, ProbeFeatures val, ProbeFeatures test,
            ProbeSetting best, List<LinearProbeResult.HeadScore> scores, int gridIterations, LinearProbeOptions options) {
        ProbeFeatures all = val == null ? train : train.concat(val);
        Random random = new Random(options.seed());
        HeadBank chosen = HeadBank.initialized(best.nLastBlocks(), best.avgpool(),
                all.inputWidth(best.nLastBlocks(), best.avgpool()), all.numClasses(), List.of(best), random);
        int finalIterations = train(manager, List.of(chosen), all, options);
        Predictions testPredictions = SgdHeadTrainer.predict(manager, chosen, test).get(0);
        return new LinearProbeResult(best, scores, testPredictions, gridIterations, finalIterations);
    }

    /** One bank per (n_last_blocks, avgpool), in DINOv2's order, each holding every learning rate. */
    static List<HeadBank> grid(ProbeFeatures data, LinearProbeOptions options, Random random) {
        List<HeadBank> banks = new ArrayList<>();
        for (int n : options.nLastBlocks()) {
            for (boolean avgpool : options.avgpool()) {
                List<ProbeSetting> settings = new ArrayList<>();
                for (double lr : options.learningRates()) {
                    settings.add(new ProbeSetting(n, avgpool, lr, options.scaledLr(lr)));
                }
                banks.add(HeadBank.initialized(n, avgpool, data.inputWidth(n, avgpool), data.numClasses(), settings, random));
            }
        }
        return banks;
    }

    /** Trains the banks for the configured epochs; returns the number of iterations. */
    private static int train(NDManager manager, List<HeadBank> banks, ProbeFeatures data, LinearProbeOptions options) {
        int batch = Math.min(options.batchSize(), data.n());
        int maxIter = Math.max(options.minIterations(), options.epochs() * Math.max(1, data.n() / batch));
        SgdHeadTrainer.train(manager, banks, data, BatchSource.shuffled(data.n(), batch, options.seed()), batch, maxIter);
        return maxIter;
    }
}

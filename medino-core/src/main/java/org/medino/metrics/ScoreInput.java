package org.medino.metrics;

import java.util.List;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

/**
 * Truth and predictions read from files and aligned row by row, ready for {@link Scorer}.
 *
 * @param truth reference answers in the truth file's row order
 * @param predictions scores in the same order (ids = the truth file's ids)
 * @param task the task given or inferred
 * @param classNames class (finding) names, in score column order
 * @param patientIds patient id per row, or null when the truth file has no patient_id column
 */
public record ScoreInput(Truth truth, Predictions predictions, Task task, List<String> classNames, String[] patientIds) {
    /** Scores this input with {@link Bootstrap#DEFAULT_RESAMPLES} resamples. */
    public Scores score(long seed) {
        return score(seed, Bootstrap.DEFAULT_RESAMPLES);
    }

    public Scores score(long seed, int resamples) {
        return Scorer.score(truth, predictions, task, patientIds, seed, resamples, classNames);
    }
}

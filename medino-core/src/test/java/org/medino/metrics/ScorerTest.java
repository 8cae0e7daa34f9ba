package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

class ScorerTest {
    @Test
    void reportsOnlyTheMetricsThatApply() {
        assertThat(keys("binary_random")).containsExactly("accuracy", "balanced_accuracy", "macro_f1", "auroc", "mcc");
        assertThat(keys("multiclass3_random")).containsExactly("accuracy", "balanced_accuracy", "macro_f1", "auroc", "mcc");
        assertThat(keys("multiclass10_random")).containsExactly("accuracy", "balanced_accuracy", "macro_f1", "auroc", "mcc", "top5_accuracy");
        assertThat(keys("multilabel_random")).containsExactly("accuracy", "macro_f1", "auroc", "mcc", "auroc/0", "auroc/1", "auroc/2", "auroc/3", "auroc/4");
    }

    private static List<String> keys(String caseName) {
        SklearnCases.Case c = SklearnCases.load(caseName);
        return List.copyOf(Scorer.score(c.truth(), c.predictions(), c.task(), null, 1, 10, null).metrics().keySet());
    }

    @Test
    void namesLeftOutClassesAndFindings() {
        SklearnCases.Case c = SklearnCases.load("multilabel_constant_finding");
        Scores s = Scorer.score(c.truth(), c.predictions(), c.task(), null, 1, 10, List.of("Atelectasis", "Hernia", "Effusion", "Support Devices"));
        assertThat(s.get("auroc").note()).contains("Hernia", "Support Devices").doesNotContain("Effusion");
        assertThat(s.get("auroc/Hernia").defined()).isFalse();
        assertThat(s.get("auroc/Effusion").defined()).isTrue();

        SklearnCases.Case m = SklearnCases.load("multiclass7_missing_class");
        assertThat(Scorer.score(m.truth(), m.predictions(), m.task(), null, 1, 10, null).get("auroc").note()).contains("macro over 6 classes", ": 3");
    }

    @Test
    void rejectsInputsThatDoNotFitTheTask() {
        Truth two = Truth.singleLabel(new int[] {0, 1}, 2);
        Predictions p = new Predictions(new String[] {"a", "b"}, new float[] {0.4f, 0.6f, 0.7f, 0.3f}, 2);
        assertThatThrownBy(() -> Scorer.score(two, p, Task.MULTICLASS, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorer.score(two, p, Task.MULTILABEL, null, 1)).isInstanceOf(IllegalArgumentException.class);
        Predictions nan = new Predictions(new String[] {"a", "b"}, new float[] {0.4f, Float.NaN, 0.7f, 0.3f}, 2);
        assertThatThrownBy(() -> Scorer.score(two, nan, Task.BINARY, null, 1)).hasMessageContaining("row 0, class 1");
    }
}

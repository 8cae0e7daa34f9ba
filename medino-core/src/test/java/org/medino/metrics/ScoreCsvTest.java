package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.eval.Task;

class ScoreCsvTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private MedinoException failure(String truth, String pred, Task task) throws IOException {
        Path t = file("truth.csv", truth);
        Path p = file("pred.csv", pred);
        return catchThrowableOfType(MedinoException.class, () -> ScoreCsv.read(t, p, task));
    }

    private static final String PRED3 = """
            id,normal,benign,malignant
            c,0.1,0.1,0.8
            a,0.7,0.2,0.1
            b,0.2,0.5,0.3
            """;

    @Test
    void matchesRowsByIdAndInfersMulticlass() throws IOException {
        Path t = file("truth.csv", "id,label\na,normal\nb,benign\nc,malignant\n");
        ScoreInput in = ScoreCsv.read(t, file("pred.csv", PRED3), null);
        assertThat(in.task()).isEqualTo(Task.MULTICLASS);
        assertThat(in.classNames()).containsExactly("normal", "benign", "malignant");
        assertThat(in.predictions().ids()).containsExactly("a", "b", "c");
        assertThat(in.truth().labels()).containsExactly(0, 1, 2);
        assertThat(in.predictions().score(2, 2)).isEqualTo(0.8f);
        assertThat(in.patientIds()).isNull();
        assertThat(in.score(1, 20).get("accuracy").value()).isEqualTo(1.0);
    }

    @Test
    void infersBinaryFromTwoClassesAndRejectsMulticlassForIt() throws IOException {
        String truth = "id,label,patient_id\nx,no,p1\ny,yes,p1\nz,yes,p2\n";
        String pred = "id,no,yes\nx,0.9,0.1\ny,0.3,0.7\nz,0.4,0.6\n";
        Path t = file("truth.csv", truth);
        ScoreInput in = ScoreCsv.read(t, file("pred.csv", pred), null);
        assertThat(in.task()).isEqualTo(Task.BINARY);
        assertThat(in.patientIds()).containsExactly("p1", "p1", "p2");
        assertThat(in.score(1, 20).patientResampling()).isTrue();
        assertThat(failure(truth, pred, Task.MULTICLASS).getMessage()).contains("task multiclass does not fit 2 classes (that is binary)");
    }

    @Test
    void readsMultiLabelWithColumnsInAnyOrder() throws IOException {
        Path t = file("truth.csv", "id,effusion,nodule\na,1,0\nb,0,0\nc,1,1\n");
        Path p = file("pred.csv", "id,nodule,effusion\nb,0.2,0.1\nc,0.6,0.9\na,0.3,0.7\n");
        ScoreInput in = ScoreCsv.read(t, p, null);
        assertThat(in.task()).isEqualTo(Task.MULTILABEL);
        assertThat(in.classNames()).containsExactly("effusion", "nodule");
        assertThat(in.truth().multiHot()).containsExactly(1, 0, 0, 0, 1, 1);
        assertThat(in.predictions().scores()).containsExactly(0.7f, 0.3f, 0.1f, 0.2f, 0.9f, 0.6f);
        assertThat(in.score(1, 10).metrics()).containsKeys("auroc/effusion", "auroc/nodule");
        assertThat(failure("id,effusion,nodule\na,1,0\nb,0,1\n", "id,nodule,effusion\nb,0.2,0.1\na,0.3,0.7\n", Task.BINARY).getMessage())
                .contains("task binary needs a 'label' column");
    }

    @Test
    void missingPrediction() throws IOException {
        MedinoException e = failure("id,label\na,normal\nb,benign\nc,malignant\nd,benign\n", PRED3, null);
        assertThat(e.getMessage()).contains("truth.csv line 5: id 'd' has no prediction in ");
    }

    @Test
    void predictionWithoutTruth() throws IOException {
        MedinoException e = failure("id,label\na,normal\nb,benign\n", PRED3, null);
        assertThat(e.getMessage()).contains("pred.csv line 2: id 'c' is not in ");
    }

    @Test
    void duplicateIds() throws IOException {
        MedinoException e = failure("id,label\na,normal\nb,benign\nc,malignant\na,benign\n", PRED3 + "b,0.1,0.1,0.8\n", null);
        assertThat(e.getMessage())
                .contains("truth.csv line 5: duplicate id 'a' (first on line 2)")
                .contains("pred.csv line 5: duplicate id 'b' (first on line 4)");
    }

    @Test
    void unknownClass() throws IOException {
        MedinoException e = failure("id,label\na,normal\nb,benign\nc,cancer\n", PRED3, null);
        assertThat(e.getMessage()).contains("truth.csv line 4: unknown class 'cancer'");
    }

    @Test
    void nonNumericOrImpossibleProbability() throws IOException {
        String pred = "id,normal,benign,malignant\na,0.7,x,0.1\nb,0.2,NaN,0.3\nc,0.1,0.1,1.8\n";
        MedinoException e = failure("id,label\na,normal\nb,benign\nc,malignant\n", pred, null);
        assertThat(e.getMessage())
                .contains("pred.csv line 2: 'benign' is 'x', not a number")
                .contains("pred.csv line 3: 'benign' is 'NaN', not a finite number")
                .contains("pred.csv line 4: 'malignant' is 1.8, not a probability in [0, 1]");
    }

    @Test
    void classColumnsDiffer() throws IOException {
        MedinoException e = failure("id,effusion,nodule\na,1,0\n", "id,effusion,mass\na,0.3,0.7\n", null);
        assertThat(e.getMessage())
                .contains("pred.csv line 1: class columns differ from ")
                .contains("missing 'nodule'")
                .contains("not in the truth 'mass'");
    }

    @Test
    void badMultiHotValueAndWrongFieldCount() throws IOException {
        MedinoException e = failure("id,effusion,nodule\na,1,2\nb,0\n", "id,effusion,nodule\na,0.3,0.7\nb,0.1,0.1\n", null);
        assertThat(e.getMessage())
                .contains("truth.csv line 2: 'nodule' is '2', expected 0 or 1")
                .contains("truth.csv line 3: 2 fields, the header has 3");
    }

    @Test
    void everyProblemInOneExceptionWithASummaryFirst() throws IOException {
        String truth = "id,label\na,normal\n\nb,benign\nb,benign\nz,cancer\n";
        String pred = "id,normal,benign,malignant\na,0.7,oops,0.1\nq,0.2,0.5,0.3\n";
        MedinoException e = failure(truth, pred, null);
        String[] lines = e.getMessage().split("\n");
        assertThat(lines[0]).startsWith("cannot score ").endsWith(": 6 problems");
        assertThat(e.getMessage())
                // the blank line 3 is counted: b is on line 4
                .contains("truth.csv line 5: duplicate id 'b' (first on line 4)")
                .contains("truth.csv line 6: unknown class 'cancer'")
                .contains("pred.csv line 2: 'benign' is 'oops', not a number")
                .contains("pred.csv line 3: id 'q' is not in ")
                .contains("truth.csv line 4: id 'b' has no prediction")
                .contains("truth.csv line 6: id 'z' has no prediction");
    }

    @Test
    void missingIdColumnStopsBeforeTheRows() throws IOException {
        MedinoException e = failure("name,label\na,normal\n", PRED3, Task.MULTILABEL);
        assertThat(e.getMessage()).endsWith(": 1 problem\n  " + dir.resolve("truth.csv") + " line 1: no 'id' column (header: name,label)");
    }

    @Test
    void explicitMultilabelOnSingleLabelTruthAndStrayColumns() throws IOException {
        MedinoException e = failure("id,label,site\na,normal,x\nb,benign,y\nc,malignant,z\n", PRED3, Task.MULTILABEL);
        assertThat(e.getMessage())
                .contains("truth.csv line 1: task multilabel needs one 0/1 column per finding")
                .contains("truth.csv line 1: unexpected columns 'site' beside 'label'");
    }
}

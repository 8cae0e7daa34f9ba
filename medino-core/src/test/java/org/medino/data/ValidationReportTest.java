package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportTest {
    @TempDir
    Path dir;

    private final ValidationReport report = new ValidationReport("m.csv", List.of(
            new Problem(3, "a", "path", "image file not found: x, y.png"),
            new Problem(3, "a", "label", "empty label"),
            new Problem(0, "tree/b.png", "", "unreadable image: \"quoted\" reason")));

    @Test
    void summaryIsOneLine() {
        assertThat(report.summary()).isEqualTo("m.csv: 2 bad rows (3 problems), first: line 3 [id=a, column=path]: image file not found: x, y.png");
        assertThat(report.countsByKind()).containsEntry("image file not found", 1).containsEntry("empty label", 1).containsEntry("unreadable image", 1);
    }

    @Test
    void writesCsvAndReplacesAtomically() throws Exception {
        Path target = dir.resolve("out/skipped.csv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");

        report.writeCsv(target);

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(
                "line,id,column,problem\r\n"
                        + "3,a,path,\"image file not found: x, y.png\"\r\n"
                        + "3,a,label,empty label\r\n"
                        // commons-csv quotes an empty first field, so that the row is not read as a blank line
                        + "\"\",tree/b.png,,\"unreadable image: \"\"quoted\"\" reason\"\r\n");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void emptyReportStillHasItsHeader() throws Exception {
        Path target = dir.resolve("none.csv");
        ValidationReport.empty("m.csv").writeCsv(target);
        assertThat(Files.readString(target)).isEqualTo("line,id,column,problem\r\n");
    }
}

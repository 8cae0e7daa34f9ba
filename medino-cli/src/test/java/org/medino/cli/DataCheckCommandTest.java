package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.testing.Fixtures;

class DataCheckCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void images() throws IOException {
        Files.copy(Fixtures.resource("fixtures/raster/grey8.png"), dir.resolve("a.png"));
        Files.copy(Fixtures.resource("fixtures/raster/rgb.png"), dir.resolve("b.png"));
        Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
    }

    @Test
    void everyBadRowIsListedAndTheRunStops() throws IOException {
        Files.writeString(dir.resolve("m.csv"), "id,path,label\na,a.png,x\nb,missing.png,y\nc,broken.png,x\nd,b.png,\n");
        CliRun run = CliRun.of("data", "check", dir.resolve("m.csv").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 3 [id=b").contains("line 4 [id=c").contains("line 5 [id=d")
                .contains("medino: error: ");
    }

    @Test
    void skipBadGoesOnAndRecordsTheSkippedRows() throws IOException {
        Files.writeString(dir.resolve("m.csv"), "id,path,label\na,a.png,x\nb,missing.png,y\nc,b.png,y\n");
        Path report = dir.resolve("bad.csv");
        CliRun run = CliRun.of("data", "check", dir.resolve("m.csv").toString(), "--skip-bad", "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 samples").contains("skipped 1 bad rows");
        assertThat(Files.readAllLines(report)).hasSize(2).last().asString().startsWith("3,b,path,");
    }

    @Test
    void patientsInTwoSplitsAreRefusedUnlessAllowed() throws IOException {
        Files.writeString(dir.resolve("m.csv"), "id,path,label,patient_id,split\na,a.png,x,p1,train\nb,b.png,y,p1,test\n");
        CliRun refused = CliRun.of("data", "check", dir.resolve("m.csv").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("p1 (train, test)");
        CliRun allowed = CliRun.of("data", "check", dir.resolve("m.csv").toString(), "--allow-leakage");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("allowed by override");
    }
}

package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medino.data.Files2.touch;
import static org.medino.data.Files2.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;

class ManifestReaderTest {
    @TempDir
    Path dir;

    private static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsQuotedFieldsBomAndCrlf() {
        touch(dir, "img/a,1.png");
        touch(dir, "img/b.png");
        touch(dir, "img/c.png");
        Path csv = Files2.writeBytes(dir.resolve("m.csv"), withBom(
                "id,path,label,split,patient_id\r\n"
                        + "a,\"img/a,1.png\",\"Mass, benign\",train,P1\r\n"
                        + "\"b\",img/b.png,normal,TEST,\"P \"\"2\"\"\"\r\n"
                        + "c , img/c.png ,normal,,\r\n"));

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults());

        // sorted by code point: upper-case M before lower-case n
        assertThat(ds.classNames()).containsExactly("Mass, benign", "normal");
        assertThat(ds.labelKind()).isEqualTo(LabelKind.SINGLE);
        assertThat(ds.modalities()).containsExactly("image");
        assertThat(ds.warnings()).isEmpty();
        List<Sample> s = ds.samples();
        assertThat(s).extracting(Sample::id).containsExactly("a", "b", "c");
        assertThat(s.get(0).image()).isEqualTo(new ImageRef.FileRef(dir.resolve("img/a,1.png").toAbsolutePath()));
        assertThat(s.get(0).label()).isEqualTo(Label.single(0));
        assertThat(s.get(0).split()).isEqualTo(Split.TRAIN);
        assertThat(s.get(0).patientId()).isEqualTo("P1");
        assertThat(s.get(1).label()).isEqualTo(Label.single(1));
        assertThat(s.get(1).split()).isEqualTo(Split.TEST);
        assertThat(s.get(1).patientId()).isEqualTo("P \"2\"");
        // surrounding spaces trimmed; empty split and patient mean "not given"
        assertThat(s.get(2).image()).isEqualTo(new ImageRef.FileRef(dir.resolve("img/c.png").toAbsolutePath()));
        assertThat(s.get(2).split()).isNull();
        assertThat(s.get(2).patientId()).isNull();
        assertThat(s.get(2).mask()).isNull();
    }

    @Test
    void readsMultiModalColumnsNamedByTheCaller() {
        for (String m : new String[] {"t1", "t1c", "t2", "flair"}) touch(dir, "p1/" + m + ".nii.gz");
        touch(dir, "p1/seg.nii.gz");
        // "edema" looks like a finding column and must not be taken for anything
        Path csv = write(dir.resolve("brats.csv"),
                "id,flair,t1,t1c,t2,mask,edema,label\n"
                        + "p1,p1/flair.nii.gz,p1/t1.nii.gz,p1/t1c.nii.gz,p1/t2.nii.gz,p1/seg.nii.gz,1,HGG\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults().withModalities("t1", "t1c", "t2", "flair"));

        assertThat(ds.modalities()).containsExactly("t1", "t1c", "t2", "flair");
        Sample s = ds.samples().get(0);
        assertThat(s.images().keySet()).containsExactly("t1", "t1c", "t2", "flair");
        assertThat(s.images().get("t1c")).isEqualTo(new ImageRef.FileRef(dir.resolve("p1/t1c.nii.gz").toAbsolutePath()));
        assertThat(s.mask()).isEqualTo(new ImageRef.FileRef(dir.resolve("p1/seg.nii.gz").toAbsolutePath()));
        assertThat(ds.classNames()).containsExactly("HGG");
        assertThatThrownBy(s::image).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsMultiLabelFindingsInTheCallersOrder() {
        touch(dir, "x1.png");
        touch(dir, "x2.png");
        Path csv = write(dir.resolve("cxr.csv"),
                "id,path,mass,effusion,nodule,age\n"
                        + "x1,x1.png,0,1,1,54\n"
                        + "x2,x2.png,0,0,0,61\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults().withFindings("effusion", "mass", "nodule"));

        assertThat(ds.labelKind()).isEqualTo(LabelKind.MULTI);
        assertThat(ds.classNames()).containsExactly("effusion", "mass", "nodule");
        assertThat(ds.samples().get(0).label().hot()).containsExactly(1, 0, 1);
        assertThat(ds.samples().get(1).label().hot()).containsExactly(0, 0, 0);
    }

    @Test
    void integerLabelsSortByValue() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"), "id,path,label\nr1,a.png,10\nr2,a.png,2\nr3,a.png,0\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults());

        assertThat(ds.classNames()).containsExactly("0", "2", "10");
        assertThat(ds.samples()).extracting(x -> x.label().index()).containsExactly(2, 1, 0);
    }

    @Test
    void classOrderDoesNotDependOnRowOrder() {
        touch(dir, "a.png");
        Path one = write(dir.resolve("one.csv"), "id,path,label\nr1,a.png,tumor\nr2,a.png,normal\n");
        Path two = write(dir.resolve("two.csv"), "id,path,label\nr2,a.png,normal\nr1,a.png,tumor\n");

        assertThat(ManifestReader.read(one, ManifestOptions.defaults()).classNames())
                .isEqualTo(ManifestReader.read(two, ManifestOptions.defaults()).classNames())
                .containsExactly("normal", "tumor");
    }

    @Test
    void declaredClassesFixTheOrder() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"), "id,path,label\nr1,a.png,normal\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults().withClasses("tumor", "normal"));

        assertThat(ds.classNames()).containsExactly("tumor", "normal");
        assertThat(ds.samples().get(0).label().index()).isEqualTo(1);
    }

    @Test
    void absolutePathsAreUsedAsGiven(@TempDir Path elsewhere) {
        Path img = touch(elsewhere, "abs.png").toAbsolutePath();
        Path csv = write(dir.resolve("m.csv"), "id,path,label\nr1,\"" + img + "\",a\n");

        assertThat(ManifestReader.read(csv, ManifestOptions.defaults()).samples().get(0).image())
                .isEqualTo(new ImageRef.FileRef(img));
    }

    @Test
    void unlabelledManifestHasNoLabels() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"), "id,path\nr1,a.png\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults().unlabelled());

        assertThat(ds.labelKind()).isEqualTo(LabelKind.NONE);
        assertThat(ds.classNames()).isEmpty();
        assertThat(ds.samples().get(0).label()).isNull();
    }

    /**
     * Every kind of bad row in one file, with a quoted field spanning two lines at the top so
     * that line numbers differ from record numbers.
     */
    private Path badManifest() {
        touch(dir, "ok.png");
        touch(dir, "corrupt.png");
        touch(dir, "rgb.png");
        touch(dir, "rgb_mask.png");
        touch(dir, "vol.png");
        touch(dir, "vol_mask.png");
        return write(dir.resolve("bad.csv"),
                "id,path,label,mask,split,patient_id,note\n" // line 1
                        + "good,ok.png,normal,,train,P1,\"two\nlines\"\n" // lines 2-3
                        + "gone,missing.png,normal,,train,P2,\n" // line 4
                        + "broken,corrupt.png,normal,,train,P3,\n" // line 5
                        + "alien,ok.png,martian,,train,P4,\n" // line 6
                        + "blank,ok.png,,,train,P5,\n" // line 7
                        + "rgbmask,rgb.png,tumor,rgb_mask.png,train,P6,\n" // line 8: fits (channel axis)
                        + "volmask,vol.png,tumor,vol_mask.png,train,P7,\n" // line 9: does not fit
                        + "good,ok.png,normal,,train,P8,\n" // line 10: duplicate id
                        + "where,ok.png,normal,,holdout,P9,\n" // line 11
                        + "short,ok.png,normal\n" // line 12
                        + ",ok.png,normal,,train,P10,\n"); // line 13
    }

    private ManifestOptions badOptions() {
        Files2.FakeProbe probe = new Files2.FakeProbe()
                .shape("ok.png", 64, 64)
                .shape("rgb.png", 64, 64, 3)
                .shape("rgb_mask.png", 64, 64)
                .shape("vol.png", 10, 64, 64)
                .shape("vol_mask.png", 64, 64);
        return ManifestOptions.defaults().withClasses("normal", "tumor").withProbe(probe);
    }

    @Test
    void everyBadRowIsReportedTogetherWithItsLine() {
        Path csv = badManifest();

        BadRowsException e = catchThrowableOfType(BadRowsException.class, () -> ManifestReader.read(csv, badOptions()));

        assertThat(e.getMessage()).doesNotContain("\n").startsWith(csv + ": 9 bad rows (9 problems), first: line 4");
        assertThat(e.report().problems()).extracting(Problem::line, Problem::id, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "gone", "path"),
                org.assertj.core.groups.Tuple.tuple(5, "broken", "path"),
                org.assertj.core.groups.Tuple.tuple(6, "alien", "label"),
                org.assertj.core.groups.Tuple.tuple(7, "blank", "label"),
                org.assertj.core.groups.Tuple.tuple(9, "volmask", "mask"),
                org.assertj.core.groups.Tuple.tuple(10, "good", "id"),
                org.assertj.core.groups.Tuple.tuple(11, "where", "split"),
                org.assertj.core.groups.Tuple.tuple(12, "short", ""),
                org.assertj.core.groups.Tuple.tuple(13, "", "id"));
        List<String> messages = e.report().problems().stream().map(Problem::message).toList();
        assertThat(messages.get(0)).startsWith("image file not found: missing.png");
        assertThat(messages.get(1)).isEqualTo("unreadable image: " + dir.resolve("corrupt.png").toAbsolutePath() + ": not a PNG file (bad signature)");
        assertThat(messages.get(2)).isEqualTo("unknown label: 'martian' (declared classes: normal, tumor)");
        assertThat(messages.get(3)).isEqualTo("empty label");
        assertThat(messages.get(4)).isEqualTo("mask shape [64, 64] does not match image shape [10, 64, 64] of column path");
        assertThat(messages.get(5)).isEqualTo("duplicate id: good (first on line 2)");
        assertThat(messages.get(6)).isEqualTo("unknown split: 'holdout' (expected train, val or test)");
        assertThat(messages.get(7)).isEqualTo("row has 3 fields, header has 7");
        assertThat(messages.get(8)).isEqualTo("empty id");
        assertThat(e.report().lines().get(0)).startsWith("line 4 [id=gone, column=path]: image file not found: missing.png");
    }

    @Test
    void skipBadKeepsGoodRowsAndTheReport() {
        Path csv = badManifest();

        Dataset ds = ManifestReader.read(csv, badOptions().withPolicy(BadRowPolicy.SKIP));

        // the first "good" stays; its later duplicate is the one dropped
        assertThat(ds.samples()).extracting(Sample::id).containsExactly("good", "rgbmask");
        assertThat(ds.skipped().problems()).hasSize(9);
        assertThat(ds.warnings()).singleElement().asString().startsWith("skipped " + csv + ": 9 bad rows");
    }

    @Test
    void findingValuesMustBeZeroOrOne() {
        touch(dir, "x.png");
        Path csv = write(dir.resolve("m.csv"), "id,path,mass,effusion\nx1,x.png,2,\nx2,x.png,1,0\nx3,x.png,yes,1\n");

        BadRowsException e = catchThrowableOfType(BadRowsException.class,
                () -> ManifestReader.read(csv, ManifestOptions.defaults().withFindings("mass", "effusion")));

        assertThat(e.report().problems()).containsExactly(
                new Problem(2, "x1", "mass", "finding value must be 0 or 1: '2'"),
                new Problem(2, "x1", "effusion", "empty finding value (expected 0 or 1)"),
                new Problem(4, "x3", "mass", "finding value must be 0 or 1: 'yes'"));
    }

    @Test
    void missingColumnIsReportedWithTheRowProblemsAndCannotBeSkipped() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"), "id,path\nr1,a.png\nr2,nothere.png\n");

        BadRowsException e = catchThrowableOfType(BadRowsException.class,
                () -> ManifestReader.read(csv, ManifestOptions.defaults().withPolicy(BadRowPolicy.SKIP)));

        assertThat(e.report().problems()).extracting(Problem::line, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "label"),
                org.assertj.core.groups.Tuple.tuple(3, "path"));
        assertThat(e.report().problems().get(0).message()).isEqualTo("missing required column: label (header has [id, path])");
    }

    @Test
    void missingModalityColumnIsNamed() {
        Path csv = write(dir.resolve("m.csv"), "id,t1,label\n");

        BadRowsException e = catchThrowableOfType(BadRowsException.class,
                () -> ManifestReader.read(csv, ManifestOptions.defaults().withModalities("t1", "t2")));

        assertThat(e.report().problems()).singleElement().extracting(Problem::column).isEqualTo("t2");
    }

    @Test
    void patientInTwoSplitsIsRefusedWithThePatientsNamed() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"),
                "id,path,label,split,patient_id\n"
                        + "1,a.png,x,train,P1\n2,a.png,x,test,P1\n3,a.png,x,train,P2\n4,a.png,x,val,P3\n5,a.png,x,train,P3\n6,a.png,x,,P2\n");

        PatientLeakageException e = catchThrowableOfType(PatientLeakageException.class,
                () -> ManifestReader.read(csv, ManifestOptions.defaults()));

        assertThat(e.getMessage()).isEqualTo(csv + ": 2 patients appear in more than one split: P1 (train, test), P3 (train, val)"
                + "; split by patient, or allow the overlap explicitly");
        assertThat(e.leaks()).extracting(PatientLeak::patientId).containsExactly("P1", "P3");
        assertThat(e.leaks().get(0).sampleIds()).containsExactly("1", "2");
    }

    @Test
    void leakageListIsCapped() {
        touch(dir, "a.png");
        StringBuilder b = new StringBuilder("id,path,label,split,patient_id\n");
        for (int p = 1; p <= 12; p++) b.append("a").append(p).append(",a.png,x,train,P").append(p).append('\n')
                .append("b").append(p).append(",a.png,x,test,P").append(p).append('\n');
        Path csv = write(dir.resolve("m.csv"), b.toString());

        PatientLeakageException e = catchThrowableOfType(PatientLeakageException.class,
                () -> ManifestReader.read(csv, ManifestOptions.defaults()));

        assertThat(e.getMessage()).contains("12 patients appear", "P10 (train, test) and 2 more").doesNotContain("P11");
        assertThat(e.leaks()).hasSize(12);
    }

    @Test
    void leakageAllowedByOverrideIsStillWarned() {
        touch(dir, "a.png");
        Path csv = write(dir.resolve("m.csv"), "id,path,label,split,patient_id\n1,a.png,x,train,P1\n2,a.png,x,test,P1\n");

        Dataset ds = ManifestReader.read(csv, ManifestOptions.defaults().allowingPatientLeakage());

        assertThat(ds.samples()).hasSize(2);
        assertThat(ds.warnings()).containsExactly(csv + ": 1 patient appears in more than one split: P1 (train, test) (allowed by override)");
    }

    @Test
    void notUtf8IsRefused() {
        Path csv = Files2.writeBytes(dir.resolve("m.csv"), new byte[] {'i', 'd', '\n', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> ManifestReader.read(csv, ManifestOptions.defaults()))
                .isInstanceOf(MedinoException.class)
                .hasMessage(csv + ": not UTF-8 text; save the manifest as UTF-8");
    }

    @Test
    void brokenQuotingIsRefusedAsNotCsv() {
        Path csv = write(dir.resolve("m.csv"), "id,path,label\nr1,\"a.png,x\n");

        assertThatThrownBy(() -> ManifestReader.read(csv, ManifestOptions.defaults()))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith(csv + ": not valid CSV");
    }

    @Test
    void repeatedColumnIsRefused() {
        Path csv = write(dir.resolve("m.csv"), "id,path,label,path\n");

        assertThatThrownBy(() -> ManifestReader.read(csv, ManifestOptions.defaults()))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith(csv + ": line 1:");
    }

    @Test
    void missingManifestIsNamed() {
        Path csv = dir.resolve("none.csv");

        assertThatThrownBy(() -> ManifestReader.read(csv, ManifestOptions.defaults()))
                .isInstanceOf(MedinoException.class)
                .hasMessage(csv + ": manifest not found");
    }

    @Test
    void optionsRefuseAmbiguousColumns() {
        assertThatThrownBy(() -> ManifestOptions.defaults().withModalities("t1", "label")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManifestOptions.defaults().withModalities("t1").withFindings("t1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManifestOptions.defaults().withFindings("mass").withClasses("a")).isInstanceOf(IllegalArgumentException.class);
    }
}

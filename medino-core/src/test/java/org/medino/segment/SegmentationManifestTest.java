package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.data.Split;

class SegmentationManifestTest {
    @TempDir
    Path dir;

    private Path manifest(String text) throws Exception {
        Files.writeString(dir.resolve("a.png"), "x");
        Files.writeString(dir.resolve("a-mask.png"), "x");
        Files.writeString(dir.resolve("b.png"), "x");
        Files.writeString(dir.resolve("b-mask.png"), "x");
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, text);
        return m;
    }

    @Test
    void readsRowsRelativeToTheManifest() throws Exception {
        List<SegmentationCase> cases = SegmentationManifest.read(manifest("image,mask,split\na.png,a-mask.png,train\nb.png,b-mask.png,Validation\n"));
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).id()).isEqualTo("a.png");
        assertThat(cases.get(0).image()).isEqualTo(dir.resolve("a.png").toAbsolutePath());
        assertThat(cases.get(1).split()).isEqualTo(Split.VAL);
        assertThat(cases.get(1).line()).isEqualTo(3);
    }

    @Test
    void anIdColumnNamesTheCases() throws Exception {
        List<SegmentationCase> cases = SegmentationManifest.read(manifest("id,image,mask,split\np1,a.png,a-mask.png,test\n"));
        assertThat(cases.get(0).id()).isEqualTo("p1");
    }

    @Test
    void sameFileNamesInSubjectFoldersAreDistinctCasesAndHeadersMatchInAnyCase() throws Exception {
        for (String subject : List.of("s1", "s2")) {
            Files.createDirectories(dir.resolve(subject));
            Files.writeString(dir.resolve(subject).resolve("slice_090.png"), "x");
            Files.writeString(dir.resolve(subject).resolve("mask_090.png"), "x");
        }
        Path m = dir.resolve("m.csv");
        Files.writeString(m, "\uFEFFImage,MASK,Split\ns1/slice_090.png,s1/mask_090.png,train\ns2/slice_090.png,s2/mask_090.png,test\n");
        List<SegmentationCase> cases = SegmentationManifest.read(m);
        assertThat(cases).extracting(SegmentationCase::id).containsExactly("s1/slice_090.png", "s2/slice_090.png");
        assertThat(cases.get(1).mask()).isEqualTo(dir.resolve("s2/mask_090.png").toAbsolutePath());
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        assertThatThrownBy(() -> SegmentationManifest.read(manifest("image,split\na.png,train\n")))
                .isInstanceOf(MedinoException.class).hasMessageContaining("columns image, mask and split");
    }

    @Test
    void everyBadRowIsReportedAtOnce() throws Exception {
        Path m = manifest("image,mask,split\nmissing.png,a-mask.png,train\nb.png,b-mask.png,holdout\na.png,,test\n");
        assertThatThrownBy(() -> SegmentationManifest.read(m))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith(m.toString())
                .hasMessageContaining("line 2: image")
                .hasMessageContaining("missing.png not found")
                .hasMessageContaining("line 3: split 'holdout'")
                .hasMessageContaining("line 4: empty mask");
    }

    @Test
    void repeatedIdsAreRefused() throws Exception {
        assertThatThrownBy(() -> SegmentationManifest.read(manifest("image,mask,split\na.png,a-mask.png,train\na.png,b-mask.png,test\n")))
                .hasMessageContaining("id a.png appears twice");
    }

    @Test
    void classesParseAsCountOrNames() {
        assertThat(SegmentationClasses.parse("3").names()).containsExactly("0", "1", "2");
        assertThat(SegmentationClasses.parse("background, liver ,spleen").names()).containsExactly("background", "liver", "spleen");
        assertThatThrownBy(() -> SegmentationClasses.parse("1")).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> SegmentationClasses.parse("a,b,a")).hasMessageContaining("twice");
    }
}

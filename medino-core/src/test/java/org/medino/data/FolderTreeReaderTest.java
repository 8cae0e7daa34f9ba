package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medino.data.Files2.touch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;

class FolderTreeReaderTest {
    @TempDir
    Path root;

    @Test
    void readsClassFoldersWithoutSplits() {
        touch(root, "malignant/b.PNG");
        touch(root, "benign/a.png");
        touch(root, "malignant/sub/c.nii.gz");
        touch(root, "malignant/.DS_Store");
        touch(root, ".cache/x.png");
        touch(root, "benign/readme.md");
        touch(root, "notes.txt");

        Dataset ds = FolderTreeReader.read(root);

        assertThat(ds.classNames()).containsExactly("benign", "malignant");
        assertThat(ds.samples()).extracting(Sample::id).containsExactly("benign/a.png", "malignant/b.PNG", "malignant/sub/c.nii.gz");
        assertThat(ds.samples()).extracting(s -> s.label().index()).containsExactly(0, 1, 1);
        assertThat(ds.samples()).allSatisfy(s -> {
            assertThat(s.split()).isNull();
            assertThat(s.patientId()).isNull();
        });
        assertThat(ds.samples().get(0).image()).isEqualTo(new ImageRef.FileRef(root.resolve("benign/a.png")));
        assertThat(ds.warnings()).containsExactly(
                root + ": ignored 1 files that are not images by extension, e.g. benign/readme.md",
                root + ": ignored 1 files outside class folders, e.g. notes.txt");
    }

    @Test
    void readsSplitFolders() {
        touch(root, "train/cat/1.png");
        touch(root, "train/dog/2.png");
        touch(root, "Val/cat/3.png");
        touch(root, "test/dog/4.jpg");
        touch(root, "test/emu/.keep");

        Dataset ds = FolderTreeReader.read(root);

        // emu has no image but is still a class: its index must not depend on what one split holds
        assertThat(ds.classNames()).containsExactly("cat", "dog", "emu");
        assertThat(ds.samples()).extracting(Sample::id).containsExactly("Val/cat/3.png", "test/dog/4.jpg", "train/cat/1.png", "train/dog/2.png");
        assertThat(ds.samples()).extracting(Sample::split).containsExactly(Split.VAL, Split.TEST, Split.TRAIN, Split.TRAIN);
        assertThat(ds.samples(Split.TRAIN)).extracting(s -> s.label().index()).containsExactly(0, 1);
        assertThat(ds.warnings()).containsExactly(root + ": class folders without images: [test/emu]");
    }

    @Test
    void mixedSplitAndClassFoldersAreRefused() {
        touch(root, "train/cat/1.png");
        touch(root, "cat/2.png");

        assertThatThrownBy(() -> FolderTreeReader.read(root))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("split folders [train] next to other folders [cat]");
    }

    @Test
    void emptyRootIsRefused() throws Exception {
        Files.createDirectories(root.resolve(".git"));
        assertThatThrownBy(() -> FolderTreeReader.read(root)).hasMessageContaining("no class folders");
    }

    @Test
    void unreadableImagesStopTheRunOrAreSkippedAndReported() {
        touch(root, "a/good.png");
        touch(root, "a/bad.png");
        Files2.FakeProbe probe = new Files2.FakeProbe().shape("good.png", 8, 8);

        BadRowsException e = catchThrowableOfType(BadRowsException.class,
                () -> FolderTreeReader.read(root, FolderTreeOptions.defaults().withProbe(probe)));
        assertThat(e.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("a/bad.png");
            assertThat(p.message()).startsWith("unreadable image: ");
        });

        Dataset ds = FolderTreeReader.read(root, FolderTreeOptions.defaults().withProbe(probe).withPolicy(BadRowPolicy.SKIP));
        assertThat(ds.samples()).extracting(Sample::id).containsExactly("a/good.png");
        assertThat(ds.skipped().problems()).hasSize(1);
    }

    @Test
    void extensionsCanBeChosen() {
        touch(root, "a/x.dcm");
        touch(root, "a/y.png");

        Dataset ds = FolderTreeReader.read(root, FolderTreeOptions.defaults().withExtensions(".DCM"));

        assertThat(ds.samples()).extracting(Sample::id).containsExactly("a/x.dcm");
    }
}

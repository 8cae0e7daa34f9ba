package org.medino.checkpoint.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medino.MedinoException;

class HubNamesTest {

    @Test
    void revisionIsEncodedAsOneSegmentAndFilenameKeepsItsSlashes() {
        assertThat(HubNames.encodeSegment("refs/pr/1")).isEqualTo("refs%2Fpr%2F1");
        assertThat(HubNames.encodeSegment("v1.0_rc~1")).isEqualTo("v1.0_rc~1");
        assertThat(HubNames.encodePath("onnx/model file.onnx")).isEqualTo("onnx/model%20file.onnx");
        assertThat(HubNames.encodePath("é")).isEqualTo("%C3%A9");
    }

    @Test
    void onlyFortyLowerCaseHexDigitsAreACommit() {
        assertThat(HubNames.isCommitHash("0123456789abcdef0123456789abcdef01234567")).isTrue();
        assertThat(HubNames.isCommitHash("0123456789ABCDEF0123456789ABCDEF01234567")).isFalse();
        assertThat(HubNames.isCommitHash("main")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../config.json", "/etc/passwd", "a//b", "a/./b", "a\\b", "C:x", ""})
    void filenamesThatLeaveTheSnapshotAreRejected(String filename) {
        assertThatThrownBy(() -> HubNames.checkFilename(filename, "org/repo index"))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith("org/repo index: not a valid file name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook/dinov2-small", "gpt2", "org.x/name_1"})
    void validRepoIds(String repoId) {
        HubNames.checkRepoId(repoId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b/c", "a--b/c", "a/../b", "", "a b/c", "/a"})
    void invalidRepoIds(String repoId) {
        assertThatThrownBy(() -> HubNames.checkRepoId(repoId))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("not a valid Hugging Face repo id");
    }
}

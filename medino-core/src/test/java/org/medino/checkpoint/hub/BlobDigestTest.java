package org.medino.checkpoint.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlobDigestTest {

    @Test
    void fortyHexEtagIsTheGitBlobId() {
        // Values of `git hash-object` for an empty file and for "hello\n".
        assertThat(check("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", "")).isEmpty();
        assertThat(check("ce013625030ba8dba906f756967f9e9ca394464a", "hello\n")).isEmpty();
        assertThat(check("ce013625030ba8dba906f756967f9e9ca394464a", "hellO\n")).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("SHA-1 is ").endsWith("expected ce013625030ba8dba906f756967f9e9ca394464a"));
    }

    @Test
    void sixtyFourHexEtagIsTheSha256() {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(check(abc, "abc")).isEmpty();
        assertThat(check(abc, "abd")).hasValueSatisfying(problem -> assertThat(problem).startsWith("SHA-256 is "));
    }

    @Test
    void anyOtherEtagOnlyChecksTheSize() {
        assertThat(check("some-etag", "anything")).isEmpty();
    }

    @Test
    void wrongSizeIsReportedFirst() {
        BlobDigest digest = BlobDigest.forEtag("some-etag", 10);
        digest.update(new byte[3], 0, 3);

        assertThat(digest.mismatch(3)).contains("got 3 bytes, expected 10");
    }

    @Test
    void etagQuotesAndWeakPrefixAreRemoved() {
        assertThat(HubHttp.normalizeEtag("\"abc\"")).isEqualTo("abc");
        assertThat(HubHttp.normalizeEtag("W/\"abc\"")).isEqualTo("abc");
        assertThat(HubHttp.normalizeEtag("abc")).isEqualTo("abc");
    }

    private static java.util.Optional<String> check(String etag, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        BlobDigest digest = BlobDigest.forEtag(etag, bytes.length);
        digest.update(bytes, 0, bytes.length);
        return digest.mismatch(bytes.length);
    }
}

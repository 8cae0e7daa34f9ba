package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.testing.Fixtures;

/** The data layer wired to the real readers: shapes of real files, unreadable files reported as bad rows. */
class RealReadersTest {
    @TempDir
    Path dir;

    @Test
    void manifestRowsAreCheckedWithTheRealReaders() throws IOException {
        Files.copy(Fixtures.resource("fixtures/raster/grey8.png"), dir.resolve("a.png"));
        Files.copy(Fixtures.resource("fixtures/raster/rgb.png"), dir.resolve("b.png"));
        Files.write(dir.resolve("c.png"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("m.csv"), "id,path,label,patient_id\na,a.png,x,p1\nb,b.png,y,p2\nc,c.png,x,p3\n");
        Dataset d = ManifestReader.read(dir.resolve("m.csv"),
                ManifestOptions.defaults().withProbe(ImageProbe.readers()).withPolicy(BadRowPolicy.SKIP));
        assertThat(d.samples()).extracting(Sample::id).containsExactly("a", "b");
        assertThat(d.skipped().problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("c");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void medMnistArchivesAreReadWithTheRealNpzReader() {
        Dataset d = new MedMnistReader(NpzSource.npz()).read(Fixtures.resource("fixtures/npy/medmnist_rgb.npz"));
        assertThat(d.size()).isPositive();
        assertThat(d.samples(Split.TRAIN)).isNotEmpty();
        assertThat(d.samples(Split.TEST)).isNotEmpty();
    }
}

package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.ImportResult;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoadingTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStartLoadsTheSeedsAndTheSecondLoadsNothing() {
        // given a new embedded database in a data folder
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir);
        long revisionAfterFirstStart;
        try (Services first = Services.open(settings, SeededServices.CLOCK)) {
            // when the service starts for the first time
            Optional<ImportResult> loaded = first.loadSeeds(SeedFiles.fromClasspath());

            // then every seed figure is added
            assertThat(loaded).isPresent();
            assertThat(loaded.get().added()).isEqualTo(loaded.get().read()).isEqualTo(226 + 206);
            revisionAfterFirstStart = first.figures().dataRevision();
        }
        try (Services second = Services.open(settings, SeededServices.CLOCK)) {
            // when it starts again on the same folder
            Optional<ImportResult> loaded = second.loadSeeds(SeedFiles.fromClasspath());

            // then nothing is loaded twice and the data survived the restart
            assertThat(loaded).isEmpty();
            assertThat(second.figures().dataRevision()).isEqualTo(revisionAfterFirstStart);
            assertThat(second.profiles().profile("3201", "KHT", 2024).rows()).hasSize(17);
        }
    }

    @Test
    void seedsArePackagedAndReadableFromTheClasspathAndTheRepositoryAlike() {
        assertThat(SeedFiles.fromClasspath().checksum()).isEqualTo(SeedFiles.fromDirectory(Path.of("../seeds")).checksum());
    }
}

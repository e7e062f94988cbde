package no.kostra.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.MeanKind;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {
    private static final Catalog SEEDS = SeedImporter.catalogOf(SeedFiles.fromClasspath());

    @Test
    void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws Exception {
        List<Path> a = new SyntheticDataset(SEEDS, 7, 20, 6, 2021, 2024).write(dir.resolve("a"));
        List<Path> b = new SyntheticDataset(SEEDS, 7, 20, 6, 2021, 2024).write(dir.resolve("b"));

        for (int i = 0; i < a.size(); i++) {
            assertThat(Files.readAllBytes(a.get(i))).isEqualTo(Files.readAllBytes(b.get(i)));
        }
        assertThat(Files.readString(a.get(0))).contains("9001,Syntetisk kommune 9001,municipality");
    }

    /** The published-style ASSS mean is Σ value × population / Σ population over that year's members, by hand. */
    @Test
    void itImportsAndItsAsssMeanIsTheWeightedMeanOfTheStoredMemberValues(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticDataset(SEEDS, 7, 20, 6, 2021, 2024).write(dir);
        try (Services services = Services.open(DatabaseSettings.inMemory("synthetic-" + System.nanoTime()),
                Clock.fixed(Instant.parse("2025-06-20T00:00:00Z"), ZoneOffset.UTC))) {
            services.loadSeeds(SeedFiles.fromClasspath());
            for (Path file : files) {
                String name = file.getFileName().toString();
                ImportFormat format = name.endsWith(".json") ? ImportFormat.JSON_STAT : name.startsWith("group") ? ImportFormat.CSV
                        : ImportFormat.CATALOG;
                ImportReport report = services.importer().importFile(name, Files.readAllBytes(file),
                        new ImportOptions(format, null, Vintage.FINAL, null));
                assertThat(report.rejected()).as(name).isZero();
            }
            Catalog catalog = services.catalogs().current();
            String indicator = "SYN.i003";
            assertThat(catalog.requireIndicator(indicator).meanKind()).isEqualTo(MeanKind.WEIGHTED);
            assertThat(catalog.requireIndicator(indicator).weightIndicator()).isEqualTo(SyntheticDataset.POPULATION);
            assertThat(catalog.requireRegion("9001").name()).isEqualTo("Syntetisk kommune 9001");

            for (int year : List.of(2021, 2022)) {
                double sum = 0;
                double weights = 0;
                for (String member : catalog.membersOf("ASSS", year)) {
                    double v = services.figures().municipalityFigures(List.of(indicator), member, year, year).get(indicator).get(year).value();
                    double w = services.figures().municipalityFigures(List.of(SyntheticDataset.POPULATION), member, year, year)
                            .get(SyntheticDataset.POPULATION).get(year).value();
                    sum += v * w;
                    weights += w;
                }
                Map<Statistic, Figure> published = services.figures().groupFigures(List.of(indicator), "ASSS", year).get(indicator);
                assertThat(published.get(Statistic.MEAN).value()).isCloseTo(sum / weights, org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(catalog.membersOf("ASSS", 2021)).hasSize(10);
            assertThat(catalog.membersOf("ASSS", 2022)).hasSize(12);
        }
    }
}

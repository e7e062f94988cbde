package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.Discrepancy;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Vintage;
import no.kostra.store.GroupStatisticRow;
import no.kostra.store.ImportBatch;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ASSS means computed from the synthetic full-country dataset's member values (issue 3's generator): weighted and
 * flat means match a hand computation over the stored figures, agree with the dataset's published means, and a
 * deliberately altered published mean shows up in the discrepancy list.
 */
class SyntheticAsssTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @TempDir
    Path dir;

    @BeforeEach
    void importTheSyntheticCountry() throws Exception {
        Catalog seeds = SeedImporter.catalogOf(SeedFiles.fromClasspath());
        for (Path file : new SyntheticDataset(seeds, 11, 30, 9, 2021, 2024).write(dir)) {
            String name = file.getFileName().toString();
            ImportFormat format = name.endsWith(".json") ? ImportFormat.JSON_STAT
                    : name.startsWith("group") ? ImportFormat.CSV : ImportFormat.CATALOG;
            seeded.services().importer().importFile(name, Files.readAllBytes(file), new ImportOptions(format, null, Vintage.FINAL, null));
        }
    }

    @Test
    void weightedAndFlatMeansMatchAHandComputationOverTheStoredMembers() {
        Services services = seeded.services();
        Catalog catalog = services.catalogs().current();
        List<Indicator> synthetic = catalog.indicatorsOfArea("SYN").stream().filter(i -> !i.id().startsWith("SYN.w_")).toList();
        Indicator weighted = synthetic.stream().filter(i -> i.meanKind() == MeanKind.WEIGHTED).findFirst().orElseThrow();
        Indicator flat = synthetic.stream().filter(i -> i.meanKind() == MeanKind.FLAT).findFirst().orElseThrow();

        for (int year : List.of(2021, 2024)) {
            double sum = 0;
            double weights = 0;
            double flatSum = 0;
            List<String> members = catalog.membersOf("ASSS", year);
            for (String member : members) {
                double v = value(services, weighted.id(), member, year);
                double w = value(services, weighted.weightIndicator(), member, year);
                sum += v * w;
                weights += w;
                flatSum += value(services, flat.id(), member, year);
            }
            Comparison w = services.analysis().comparisons().compare("3201", weighted.id(), year);
            Comparison f = services.analysis().comparisons().compare("3201", flat.id(), year);
            assertThat(w.computed().mean()).as(weighted.id() + " " + year).isCloseTo(sum / weights, within(1e-9));
            assertThat(f.computed().mean()).as(flat.id() + " " + year).isCloseTo(flatSum / members.size(), within(1e-9));
            assertThat(w.computed().counted()).hasSize(members.size());
        }
        assertThat(services.analysis().comparisons().discrepancies(null, 2021, 2024)).isEmpty();
    }

    @Test
    void aDeliberatelyAlteredPublishedMeanShowsUpInTheDiscrepancyList() {
        Services services = seeded.services();
        Indicator weighted = services.catalogs().current().indicatorsOfArea("SYN").stream()
                .filter(i -> i.meanKind() == MeanKind.WEIGHTED).findFirst().orElseThrow();
        double computed = services.analysis().comparisons().compare("3201", weighted.id(), 2023).computed().mean();
        double altered = Math.round(computed) + 50;
        services.importWriter().write(new ImportBatch("test", "altered mean", "altered", Vintage.FINAL, List.of(),
                List.of(new GroupStatisticRow(weighted.id(), "ASSS", 2023, Statistic.MEAN, Figure.of(altered), "test", null)), 0));

        List<Discrepancy> found = services.analysis().comparisons().discrepancies(weighted.id(), 2021, 2024);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).year()).isEqualTo(2023);
        assertThat(found.get(0).statistic()).isEqualTo("mean");
        assertThat(found.get(0).published()).isEqualTo(altered);
        assertThat(found.get(0).difference()).isCloseTo(found.get(0).computed() - altered, within(1e-9));
    }

    private static double value(Services services, String indicator, String region, int year) {
        return services.figures().municipalityFigures(List.of(indicator), region, year, year).get(indicator).get(year).value();
    }
}

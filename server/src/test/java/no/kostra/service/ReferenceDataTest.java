package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.SeedFiles;
import no.kostra.store.AnalysisRepository;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reference data (need indices, deflators, …): imported on its own or shipped among the seeds; an import wins. */
class ReferenceDataTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void anImportedFigureOutranksTheSameKeyInChangedSeedsAndTheOtherSeedRowsLoad(@TempDir Path dir) throws Exception {
        seeded.services().analysis().referenceData().importFile("expense_need.csv",
                "region,area,year,need_index,source\n3201,KHT,2024,0.9,test import\n");
        long afterImport = seeded.services().figures().dataRevision();
        try (var files = Files.list(Path.of("..", "seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("expense_need.csv"),
                "region,area,year,need_index,source\n3201,KHT,2024,1.1,test seed\n0301,KHT,2024,1.0,test seed\n");

        assertThat(seeded.services().loadSeeds(SeedFiles.fromDirectory(dir))).isPresent();

        Map<String, Map<Integer, Double>> need = new AnalysisRepository(seeded.services().database()).expenseNeed("KHT");
        assertThat(need.get("3201").get(2024)).isEqualTo(0.9);
        assertThat(need.get("0301").get(2024)).isEqualTo(1.0);
        assertThat(seeded.services().figures().dataRevision()).isGreaterThan(afterImport);
    }

    @Test
    void onlyReferenceFilesCanBeImportedOnTheirOwn() {
        assertThatThrownBy(() -> seeded.services().analysis().referenceData().importFile("observations.csv", "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Kan ikke importere observations.csv; filer som kan importeres: [deflators.csv, expense_need.csv,"
                        + " efficiency_components.csv, home_care_hours.csv]");
    }

    @Test
    void aNeedIndexForAnUnknownRegionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> seeded.services().analysis().referenceData().importFile("expense_need.csv",
                "region,area,year,need_index,source\n9999,KHT,2024,1.0,x\n"))
                .hasMessage("Ugyldig fil: expense_need.csv line 2, column region: unknown region 9999");
    }
}

package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                        + " efficiency_components.csv, home_care_hours.csv, efficiency.csv, kommunebarometer.csv]");
    }

    /** Imports the file expecting a refusal with this message, and checks that nothing changed. */
    private void refused(String file, String csv, String message) {
        long revision = seeded.services().figures().dataRevision();
        AnalysisRepository stored = new AnalysisRepository(seeded.services().database());
        var before = List.of(stored.deflators(), stored.expenseNeed("KHT"), stored.efficiencyComponents("KHT"),
                stored.homeCareHours("3201", 2024));

        assertThatThrownBy(() -> seeded.services().analysis().referenceData().importFile(file, csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);

        assertThat(List.of(stored.deflators(), stored.expenseNeed("KHT"), stored.efficiencyComponents("KHT"),
                stored.homeCareHours("3201", 2024))).isEqualTo(before);
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void aDeflatorOutsideThePlausibleRangeIsRefusedNamingLineColumnAndRange() {
        refused("deflators.csv", "year,deflator_percent,source\n2023,4.1,TBU\n2024,99,TBU\n",
                "Ugyldig fil: deflators.csv linje 3, kolonne deflator_percent: 99 er utenfor det tillatte området, fra -10 til 20");
    }

    @Test
    void theSameReferenceFileTwiceChangesNothingTheSecondTimeAndLeavesTheRevision() {
        String deflators = "year,deflator_percent,source\n2023,4.1,TBU\n2024,3.9,TBU\n";
        ReferenceDataService reference = seeded.services().analysis().referenceData();

        int first = reference.importFile("deflators.csv", deflators);
        long revision = seeded.services().figures().dataRevision();
        int second = reference.importFile("deflators.csv", deflators);

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
        assertThat(reference.importFile("deflators.csv", "year,deflator_percent,source\n2024,4.0,TBU\n")).isEqualTo(1);
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision + 1);
    }

    @Test
    void deflatorsAtTheEdgesOfTheRangeAreStored() {
        seeded.services().analysis().referenceData().importFile("deflators.csv",
                "year,deflator_percent,source\n2023,-10,test\n2024,20,test\n");

        assertThat(new AnalysisRepository(seeded.services().database()).deflators())
                .containsEntry(2023, -0.1).containsEntry(2024, 0.2);
    }

    @Test
    void aNeedIndexOutsideThePlausibleRangeIsRefusedNamingLineColumnAndRange() {
        refused("expense_need.csv", "region,area,year,need_index,source\n3201,KHT,2024,98,typed as a percentage\n",
                "Ugyldig fil: expense_need.csv linje 2, kolonne need_index: 98 er utenfor det tillatte området, fra 0,2 til 5");
        refused("expense_need.csv", "region,area,year,need_index,source\n3201,KHT,2024,0.05,x\n",
                "Ugyldig fil: expense_need.csv linje 2, kolonne need_index: 0,05 er utenfor det tillatte området, fra 0,2 til 5");
    }

    @Test
    void anEfficiencyWeightAboveOneIsRefusedNamingLineColumnAndRange() {
        refused("efficiency_components.csv", """
                area,role,indicator,weight,source
                KHT,cost,KHT.brutto_driftsutgifter_per_innbygger,,x
                KHT,production,KHT.konsultasjoner_fastlege_per_1000,60,x
                """, "Ugyldig fil: efficiency_components.csv linje 3, kolonne weight: 60 er utenfor det tillatte området, fra 0 til 1");
    }

    @Test
    void aProductionIndicatorWithoutAWeightIsRefused() {
        refused("efficiency_components.csv", """
                area,role,indicator,weight,source
                KHT,production,KHT.konsultasjoner_fastlege_per_1000,,x
                """, "Ugyldig fil: efficiency_components.csv linje 2, kolonne weight: en produksjonsindikator må ha en vekt fra 0 til 1");
    }

    @Test
    void productionWeightsThatWithTheStoredOnesDoNotSumToOneAreRefusedNamingEach() {
        // given KHT's production weights 0,6 and 0,4
        seeded.services().analysis().referenceData().importFile("efficiency_components.csv", """
                area,role,indicator,weight,source
                KHT,cost,KHT.brutto_driftsutgifter_per_innbygger,,x
                KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.6,x
                KHT,production,KHT.malt_produksjon_helsestasjon,0.4,x
                """);

        // when one of them is raised alone, the area's weights would sum to 1,1
        refused("efficiency_components.csv", """
                area,role,indicator,weight,source
                KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.7,x
                """, "Ugyldig fil: efficiency_components.csv: produksjonsvektene for KHT må summere til 1, men summerer til 1,1"
                + " (linje 2, kolonne weight: KHT.konsultasjoner_fastlege_per_1000 0,7; lagret fra før:"
                + " KHT.malt_produksjon_helsestasjon 0,4); gi en indikator som skal ut vekten 0");

        // and both changed together are stored
        seeded.services().analysis().referenceData().importFile("efficiency_components.csv", """
                area,role,indicator,weight,source
                KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.7,x
                KHT,production,KHT.malt_produksjon_helsestasjon,0.3,x
                """);
        assertThat(new AnalysisRepository(seeded.services().database()).efficiencyComponents("KHT"))
                .extracting(r -> r.text("indicator_id") + " " + r.number("weight"))
                .contains("KHT.konsultasjoner_fastlege_per_1000 0.7", "KHT.malt_produksjon_helsestasjon 0.3");
    }

    @Test
    void homeCareHoursOutsideThePlausibleRangeAreRefusedNamingLineColumnAndRange() {
        refused("home_care_hours.csv", "region,year,profile,hours,source\n3201,2024,PLO_0_66,30000,x\n3201,2024,PLO_67,4500000,x\n",
                "Ugyldig fil: home_care_hours.csv linje 3, kolonne hours: 4500000 er utenfor det tillatte området, fra 0 til 1000000");
    }

    @Test
    void aNeedIndexForAnUnknownRegionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> seeded.services().analysis().referenceData().importFile("expense_need.csv",
                "region,area,year,need_index,source\n9999,KHT,2024,1.0,x\n"))
                .hasMessage("Ugyldig fil: expense_need.csv linje 2, kolonne region: ukjent region 9999");
    }
}

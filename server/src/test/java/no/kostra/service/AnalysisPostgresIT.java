package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.kostra.compute.series.Adjustment;
import no.kostra.ingest.SeedFiles;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * The analysis tables and their answers on a real PostgreSQL server (KOSTRA_TEST_PG_URL, started by
 * .ci/install-postgresql.sh in CI) are the same as on the embedded H2 database.
 */
class AnalysisPostgresIT {
    private static final String DEFLATORS = "year,deflator_percent,source\n2022,2.0,test rate\n2023,3.0,test rate\n2024,4.0,test rate\n";

    @Test
    void everyAnalysisAnswerIsTheSameOnPostgresAsOnTheEmbeddedDatabase() throws Exception {
        DatabaseSettings settings = EmptyPostgres.require();
        try (Services postgres = Services.open(settings, SeededServices.CLOCK); Services h2 = SeededServices.open()) {
            assertThat(postgres.loadSeeds(SeedFiles.fromClasspath())).isPresent();
            for (Services s : List.of(postgres, h2)) {
                s.analysis().referenceData().importFile("deflators.csv", DEFLATORS);
            }
            AnalysisServices pg = postgres.analysis();
            AnalysisServices embedded = h2.analysis();
            assertThat(pg.efficiency().efficiency("3201", "PLO", 2023, 2024))
                    .isEqualTo(embedded.efficiency().efficiency("3201", "PLO", 2023, 2024));
            List<String> regions = List.of("3201", "ASSS", "3203");
            assertThat(pg.series().series("KHT.serie_netto_per_innbygger", regions, 2021, 2024, Adjustment.DEFLATOR))
                    .isEqualTo(embedded.series().series("KHT.serie_netto_per_innbygger", regions, 2021, 2024, Adjustment.DEFLATOR));
            assertThat(pg.splits().costSplit("brutto_institusjon", null)).isEqualTo(embedded.splits().costSplit("brutto_institusjon", null));
            assertThat(pg.accounts().accounts("HESO")).isEqualTo(embedded.accounts().accounts("HESO"));
            assertThat(pg.comparisons().compare("3201", "PLO.sykefravaer", 2024))
                    .isEqualTo(embedded.comparisons().compare("3201", "PLO.sykefravaer", 2024));
        }
    }
}

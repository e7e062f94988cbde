package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.support.EmptyPostgres;
import org.junit.jupiter.api.Test;

/** The import write path on a real PostgreSQL server (started by .ci/install-postgresql.sh in CI). */
class PostgresImportIT {
    @Test
    void importsReviseFiguresAndRefuseBadFilesOnPostgresAsOnH2() {
        try (Services services = Services.open(EmptyPostgres.require(), IngestFixture.CLOCK)) {
            services.loadSeeds(SeedFiles.fromClasspath());
            Importer importer = services.importer();

            ImportReport csv = importer.importFile("kht-2024.csv", IngestFixture.file("good/kht-2024.csv"), ImportOptions.defaults());
            ImportReport again = importer.importFile("kht-2024.csv", IngestFixture.file("good/kht-2024.csv"), ImportOptions.defaults());
            importer.importFile("march-2024.json", IngestFixture.file("good/march-2024.json"), IngestFixture.vintage(Vintage.PRELIMINARY));
            importer.importFile("june-2024.json", IngestFixture.file("good/june-2024.json"), IngestFixture.vintage(Vintage.FINAL));
            long revisions = count(services, "select count(*) from observation where indicator_id = 'KHT.netto_driftsutgifter_per_innbygger'"
                    + " and region_code = '3201' and ref_year = 2024");
            long rows = count(services, "select count(*) from observation");

            assertThat(List.of(csv.added(), csv.changed(), again.changed(), again.unchanged())).containsExactly(2, 3, 0, 5);
            assertThat(revisions).isEqualTo(4);
            assertThat(services.figures().municipalityFigures(List.of("KHT.netto_driftsutgifter_per_innbygger"), "3201", 2024, 2024)
                    .get("KHT.netto_driftsutgifter_per_innbygger").get(2024)).isEqualTo(Figure.of(4288));
            assertThatThrownBy(() -> importer.importFile("csv-duplicate.csv", IngestFixture.file("bad/csv-duplicate.csv"),
                    ImportOptions.defaults())).isInstanceOf(InvalidInputException.class);
            assertThat(count(services, "select count(*) from observation")).isEqualTo(rows);
        }
    }

    private static long count(Services services, String sql) {
        return services.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}

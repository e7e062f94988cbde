package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import no.kostra.ingest.SeedFiles;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL new figures go in through COPY FROM STDIN: texts with the characters COPY's format gives a meaning to
 * (tab, newline, carriage return, backslash, a literal \N) and quotes arrive exactly, a missing note stays null, and
 * the import's counts and revisions are those the embedded database gives for the same batches.
 */
class PostgresCopyImportIT {
    private static final String INDICATOR = "KHT.ressursbruksindikator";
    private static final List<String> AWKWARD = List.of("tab\there", "line\nbreak", "cr\r\nlf", "back\\slash", "literal \\N",
            "\"double\" and 'single' quotes", "æøå – “curly”", "");

    @Test
    void awkwardTextsNullsAndStatusesArriveExactlyAndCountsMatchTheEmbeddedDatabase() throws Exception {
        try (Services postgres = Services.open(EmptyPostgres.require(), SeededServices.CLOCK); Services h2 = SeededServices.open()) {
            postgres.loadSeeds(SeedFiles.fromClasspath());
            List<ObservationRow> rows = new ArrayList<>();
            for (int i = 0; i < AWKWARD.size(); i++) {
                Figure figure = i % 3 == 2 ? Figure.missing(Status.values()[0]) : Figure.of(1.25 + i);
                rows.add(new ObservationRow(INDICATOR, "3201", "3201", 2030 + i, figure, "kilde " + AWKWARD.get(i),
                        i == 0 ? null : AWKWARD.get(i)));
            }
            ImportBatch first = new ImportBatch("csv", "awkward.csv", "c1", Vintage.FINAL, rows, List.of(), 0);
            List<ObservationRow> revised = new ArrayList<>(rows);
            revised.set(1, new ObservationRow(INDICATOR, "3201", "3201", 2031, Figure.of(9.5), "ny\tkilde", "ny\\merknad"));
            ImportBatch second = new ImportBatch("csv", "awkward-2.csv", "c2", Vintage.FINAL, revised, List.of(), 0);

            ImportResult[] onPostgres = {postgres.importWriter().write(first), postgres.importWriter().write(second)};
            ImportResult[] onH2 = {h2.importWriter().write(first), h2.importWriter().write(second)};

            for (int i = 0; i < 2; i++) {
                assertThat(List.of(onPostgres[i].added(), onPostgres[i].changed(), onPostgres[i].unchanged()))
                        .isEqualTo(List.of(onH2[i].added(), onH2[i].changed(), onH2[i].unchanged()));
                assertThat(onPostgres[i].changes()).isEqualTo(onH2[i].changes());
            }
            assertThat(onPostgres[1].changed()).isEqualTo(1);
            assertThat(stored(postgres)).isEqualTo(stored(h2)).hasSize(AWKWARD.size() + 1);
            assertThat(stored(postgres)).contains(List.of("2030", "1", "1.2500000000", "null", "kilde tab\there", "null"),
                    List.of("2031", "2", "9.5000000000", "null", "ny\tkilde", "ny\\merknad"),
                    List.of("2032", "1", "null", Status.values()[0].symbol(), "kilde cr\r\nlf", "cr\r\nlf"));
        }
    }

    private static List<List<String>> stored(Services services) {
        return services.database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("select ref_year, revision, num_value, status, source, note from observation"
                    + " where indicator_id = ? and ref_year >= 2030 order by ref_year, revision")) {
                s.setString(1, INDICATOR);
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int col = 1; col <= 6; col++) {
                            row.add(String.valueOf(r.getObject(col)));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }
}

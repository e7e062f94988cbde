package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer is the only guard of the observation table's references (it has no foreign keys, see migration V60). */
class ImportWriterTest {
    private static final String NET = "KHT.netto_driftsutgifter_per_innbygger";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static ImportBatch batchOf(ObservationRow... rows) {
        return new ImportBatch("test", "fixture", "checksum-" + rows.length, Vintage.FINAL, List.of(rows), List.of(), 0);
    }

    private static ObservationRow row(String indicator, String region, double value) {
        return new ObservationRow(indicator, region, region, 2024, Figure.of(value), "fixture", null);
    }

    private long observationCount() {
        return seeded.services().database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("select count(*) from observation")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void aFigureForARegionOutsideTheCatalogueIsRefusedAndNothingOfTheBatchIsWritten() {
        long rowsBefore = observationCount();
        long revisionBefore = seeded.services().figures().dataRevision();

        assertThatThrownBy(() -> seeded.services().importWriter().write(batchOf(row(NET, "3201", 4300), row(NET, "9999", 1))))
                .hasMessageContaining("Unknown region code 9999");

        assertThat(observationCount()).isEqualTo(rowsBefore);
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revisionBefore);
    }

    @Test
    void aFigureForAnIndicatorOutsideTheCatalogueIsRefused() {
        long rowsBefore = observationCount();

        assertThatThrownBy(() -> seeded.services().importWriter().write(batchOf(row("NO.such_indicator", "3201", 1))))
                .hasMessageContaining("Unknown indicator NO.such_indicator");

        assertThat(observationCount()).isEqualTo(rowsBefore);
    }

    @Test
    void aFigureForACatalogueRegionAndIndicatorIsWrittenAsANewRevision() {
        long rowsBefore = observationCount();

        ImportResult result = seeded.services().importWriter().write(batchOf(row(NET, "3201", 4301)));

        assertThat(result.changed() + result.added()).isEqualTo(1);
        assertThat(observationCount()).isEqualTo(rowsBefore + 1);
        assertThat(seeded.services().figures().municipalityFigures(List.of(NET), "3201", 2024, 2024).get(NET).get(2024))
                .isEqualTo(Figure.of(4301));
    }
}

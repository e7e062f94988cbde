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

    private long importCount() {
        return seeded.services().database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("select count(*) from import_log")) {
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

    /** The figures sorted in runs of two, so every case below crosses runs spilled to disk. */
    private SortedObservations inRunsOfTwo() {
        return new SortedObservations(List.of(NET, "KHT.sykefravaer"), List.of("3201", "3203", "0301"), 2);
    }

    private static void add(SortedObservations rows, String region, String reported, int year, double value, boolean secondary,
                            long position) {
        rows.add(NET, region, reported, year, Figure.of(value), "fixture", null, secondary, position);
    }

    private ImportResult writeSorted(SortedObservations rows, WriteListener listener) {
        return seeded.services().database().inTransaction(c -> seeded.services().importWriter()
                .write(c, batchOf(), rows, listener));
    }

    @Test
    void aFigureGivenTwiceWithDifferentValuesInRunsFarApartRefusesTheImportCountingEveryOne() {
        long rowsBefore = observationCount();
        try (SortedObservations rows = inRunsOfTwo()) {
            add(rows, "3201", "3201", 2024, 4301, false, 1);
            add(rows, "3203", "3203", 2024, 4100, false, 2);
            add(rows, "0301", "0301", 2024, 5000, false, 3);
            add(rows, "0301", "0301", 2023, 4900, false, 4);
            add(rows, "3201", "3201", 2024, 4302, false, 5);
            add(rows, "0301", "0301", 2023, 4901, false, 6);

            assertThatThrownBy(() -> writeSorted(rows, WriteListener.NONE))
                    .isInstanceOfSatisfying(RowsDisagreeException.class, e -> {
                        assertThat(e.count()).isEqualTo(2);
                        assertThat(e.first().figure()).isEqualTo(Figure.of(4900));
                        assertThat(e.second().figure()).isEqualTo(Figure.of(4901));
                    });
        }
        assertThat(observationCount()).isEqualTo(rowsBefore);
    }

    @Test
    void aBackFilledNumbersFigureLosesToTheRealOneInAnotherRunAndIsReported() {
        List<String> overruled = new java.util.ArrayList<>();
        try (SortedObservations rows = inRunsOfTwo()) {
            // SSB back-fills today's 3201 into 2022 with its own figure; the figure under 3024, valid then, comes later
            add(rows, "3201", "3201", 2022, 1, true, 1);
            add(rows, "3203", "3203", 2024, 4100, false, 2);
            add(rows, "0301", "0301", 2024, 5000, false, 3);
            add(rows, "3201", "3024", 2022, 3900, false, 4);

            writeSorted(rows, new WriteListener() {
                @Override
                public void overruled(String indicatorId, String reportedCode, int year, long position) {
                    overruled.add(reportedCode + " " + year + " at " + position);
                }
            });
        }
        assertThat(overruled).containsExactly("3201 2022 at 1");
        assertThat(seeded.services().figures().municipalityFigures(List.of(NET), "3201", 2022, 2022).get(NET).get(2022))
                .isEqualTo(Figure.of(3900));
    }

    @Test
    void theWriterHearsEachNewValueWithTheYearBeforeTheFilesOwnOrElseTheStoredOne() {
        List<String> heard = new java.util.ArrayList<>();
        try (SortedObservations rows = inRunsOfTwo()) {
            add(rows, "3201", "3201", 2024, 4301, false, 1);
            add(rows, "0301", "0301", 2024, 5000, false, 2);
            add(rows, "0301", "0301", 2023, 4900, false, 3);

            writeSorted(rows, new WriteListener() {
                @Override
                public void newValue(String indicatorId, String region, String statistic, int year, double value,
                                     java.util.OptionalDouble previousYear, long position) {
                    heard.add(region + " " + year + " " + value + " after " + (previousYear.isPresent() ? previousYear.getAsDouble() : "-"));
                }
            });
        }
        // Bærum's 2023 figure is the seeds' (4 056 kr); Oslo's 2023 is the file's own
        assertThat(heard).containsExactly("0301 2023 4900.0 after -", "0301 2024 5000.0 after 4900.0",
                "3201 2024 4301.0 after " + seeded.services().figures().municipalityFigures(List.of(NET), "3201", 2023, 2023)
                        .get(NET).get(2023).value());
    }

    @Test
    void anImportStoppedByAnErrorHalfWayThroughLeavesNothingBehind() {
        // given a write that runs out of memory after its first figures are sent to the database
        long rowsBefore = observationCount();
        long importsBefore = importCount();
        long revisionBefore = seeded.services().figures().dataRevision();
        try (SortedObservations rows = inRunsOfTwo()) {
            add(rows, "0301", "0301", 2023, 4900, false, 1);
            add(rows, "0301", "0301", 2024, 5000, false, 2);
            rows.add("KHT.sykefravaer", "3201", "3201", 2024, Figure.of(7.3), "fixture", null, false, 3);
            WriteListener outOfMemory = new WriteListener() {
                @Override
                public void newValue(String indicatorId, String region, String statistic, int year, double value,
                                     java.util.OptionalDouble previousYear, long position) {
                    if (indicatorId.equals("KHT.sykefravaer")) {
                        throw new OutOfMemoryError("simulated");
                    }
                }
            };

            // when it fails with an Error, not an exception
            assertThatThrownBy(() -> writeSorted(rows, outOfMemory)).isInstanceOf(OutOfMemoryError.class);
        }

        // then the transaction was rolled back, not committed on its way out
        assertThat(observationCount()).isEqualTo(rowsBefore);
        assertThat(importCount()).isEqualTo(importsBefore);
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revisionBefore);
    }
}

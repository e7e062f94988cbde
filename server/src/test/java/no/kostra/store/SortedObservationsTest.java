package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures come back in key order whatever order they came in, runs spilled to temporary files and merged. */
class SortedObservationsTest {
    @TempDir
    Path spill;

    @Test
    void figuresComeBackInKeyOrderAcrossSpilledRunsAndTheRunFilesAreDeletedOnClose() throws Exception {
        List<String> seen = new ArrayList<>();
        List<Path> runs;
        try (SortedObservations sorted = new SortedObservations(List.of("B.b", "A.a"), List.of("3201", "0301"), 3, spill)) {
            sorted.add("B.b", "3201", "3201", 2024, Figure.of(1), "s", null, false, 10);
            sorted.add("A.a", "3201", "3024", 2023, Figure.missing(Status.NOT_AVAILABLE), "s", "note æ", false, 11);
            sorted.add("A.a", "0301", "0301", 2024, Figure.of(2.5), "s", null, true, 12);
            sorted.add("B.b", "0301", "0301", 2020, Figure.of(3), "t", null, false, 13);
            sorted.add("A.a", "0301", "0301", 2024, Figure.of(2.5), "s", null, false, 14);
            sorted.add("A.a", "3201", "3201", 2025, Figure.of(-4), "s", null, false, 15);
            sorted.add("B.b", "3201", "3201", 2019, Figure.of(5), "s", null, false, 16);

            try (var files = Files.list(spill)) {
                runs = files.toList();
            }
            try (SortedObservations.Cursor cursor = sorted.merge()) {
                while (cursor.next()) {
                    SortedObservations.Row row = cursor.row();
                    seen.add(sorted.indicatorId(SortedObservations.indicatorRankOf(row.key)) + " "
                            + sorted.regionCode(SortedObservations.regionRankOf(row.key)) + " " + SortedObservations.yearOf(row.key)
                            + " " + cursor.reportedCode(row) + " " + row.figure() + (row.secondary() ? " secondary" : "")
                            + (row.note == null ? "" : " " + row.note) + " " + cursor.source(row) + " @" + row.position);
                }
            }
        }
        assertThat(seen).containsExactly(
                "A.a 0301 2024 0301 Figure[value=2.5, status=null] secondary s @12",
                "A.a 0301 2024 0301 Figure[value=2.5, status=null] s @14",
                "A.a 3201 2023 3024 Figure[value=null, status=NOT_AVAILABLE] note æ s @11",
                "A.a 3201 2025 3201 Figure[value=-4.0, status=null] s @15",
                "B.b 0301 2020 0301 Figure[value=3.0, status=null] t @13",
                "B.b 3201 2019 3201 Figure[value=5.0, status=null] s @16",
                "B.b 3201 2024 3201 Figure[value=1.0, status=null] s @10");
        assertThat(runs).hasSize(2).noneMatch(Files::exists);
    }

    @Test
    void aNoteLongerThanTheSpillBufferComesBackWhole() throws Exception {
        // given a CSV note of 100 000 characters (200 000 bytes in UTF-8), between short rows, in spilled runs of two
        String longNote = "ø".repeat(100_000);
        List<String> notes = new ArrayList<>();
        try (SortedObservations sorted = new SortedObservations(List.of("A.a"), List.of("3201"), 2, spill)) {
            sorted.add("A.a", "3201", "3201", 2021, Figure.of(1), "s", "før", false, 1);
            sorted.add("A.a", "3201", "3201", 2022, Figure.of(2), "s", longNote, false, 2);
            sorted.add("A.a", "3201", "3201", 2023, Figure.of(3), "s", "etter", false, 3);
            // when the runs are merged back
            try (SortedObservations.Cursor cursor = sorted.merge()) {
                while (cursor.next()) {
                    notes.add(cursor.row().note);
                }
            }
        }
        // then every note is whole, and the row after the long one is read from where it ended
        assertThat(notes).containsExactly("før", longNote, "etter");
    }
}

package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kostra.service.Services;
import no.kostra.support.LibreOfficeCalc;
import no.kostra.support.Openpyxl;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ole's workbook edited and saved by LibreOffice Calc itself (through its UNO API) and by an openpyxl script, with rows
 * inserted above and inside the tables, sheets moved and renamed, rows sorted, and two real edits among it all: Bærum's
 * 2024 sick leave corrected from 7,27 to 7,1 and a comment on it (issue 20, item 6). Only those two are reported.
 */
class EditedByOtherProgramsIT {
    /** Dry runs only: nothing is stored, so the tests share one database. */
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();
    static final String COMMENT = "Fraværet falt etter omorganiseringen";
    static final List<String> THE_REAL_EDITS = List.of(MovedRowsAndSheetsTest.THE_REAL_EDIT,
            "COMMENT KHT.sykefravaer  -> " + COMMENT + " APPLIED");
    /** Where the profile table is as filled, found by its name and row keys (the design moves it). */
    static Layout layout;
    /**
     * Two rows inserted above the profile table and one inside it (after its third row), sheets moved and renamed,
     * then sick leave (the table's last row, now three rows further down) and its comment edited.
     */
    static List<String> ROWS_INSERTED_AND_SHEETS_MOVED;

    /** The profile table's first and last data rows (1-based), sick leave's 2024 column and the comment column. */
    record Layout(int first, int last, String figure, String comment) {
        static Layout of(byte[] xlsx) throws java.io.IOException {
            try (PersonInExcel ole = new PersonInExcel(xlsx)) {
                var sick = ole.cell(RoundTripTest.TABLE, RoundTripTest.SYKEFRAVAER, "2024");
                var comment = ole.cell(RoundTripTest.TABLE, RoundTripTest.SYKEFRAVAER, RoundTripTest.COMMENT);
                int first = ole.cell(RoundTripTest.TABLE, RoundTripTest.RESSURSBRUK, "2024").getRowIndex() + 1;
                return new Layout(first, sick.getRowIndex() + 1,
                        org.apache.poi.ss.util.CellReference.convertNumToColString(sick.getColumnIndex()),
                        org.apache.poi.ss.util.CellReference.convertNumToColString(comment.getColumnIndex()));
            }
        }
    }

    @TempDir
    static Path dir;
    static Path filled;

    @BeforeAll
    static void fillTheKommunehelseWorkbook() throws Exception {
        filled = dir.resolve("kht.xlsx");
        byte[] xlsx = SEEDED.services().reports().fill("kommunehelse", "3201", 2024).xlsx();
        Files.write(filled, xlsx);
        layout = Layout.of(xlsx);
        int sick = layout.last() + 3;
        ROWS_INSERTED_AND_SHEETS_MOVED = List.of(
                "--insert-rows", "Profil!5:2", "--insert-rows", "Profil!" + (layout.first() + 2 + 3) + ":1",
                "--move-sheet", "Effektivitet=0", "--rename-sheet", "Seriedata=Data for serier",
                "--insert-rows", "Data for serier!2:3", "--insert-rows", "Effektivitet!20:4",
                "--set", "Profil!" + layout.figure() + sick + "=7.1", "--set", "Profil!" + layout.comment() + sick + "=" + COMMENT);
    }

    private static List<String> decisions(Path returned) throws Exception {
        Services services = SEEDED.services();
        return MovedRowsAndSheetsTest.describe(services.roundTrip().receive("kht.xlsx", Files.readAllBytes(returned), "Ole", "3201", true));
    }

    @Test
    void savedByLibreOfficeUnchangedItHasNoEdits() throws Exception {
        Path saved = dir.resolve("lo-unchanged.xlsx");
        LibreOfficeCalc.require().edit(filled, saved, List.of());

        assertThat(decisions(saved)).isEmpty();
    }

    @Test
    void rowsInsertedAndSheetsMovedAndRenamedInLibreOfficeLeaveOnlyTheRealEdits() throws Exception {
        Path saved = dir.resolve("lo-moved.xlsx");
        LibreOfficeCalc.require().edit(filled, saved, ROWS_INSERTED_AND_SHEETS_MOVED);

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }

    @Test
    void tablesSortedInLibreOfficeLeaveOnlyTheRealEdits() throws Exception {
        // the profile sorted by indicator name (column C), the series by their 2024 figures (column H), then the edits
        Path saved = dir.resolve("lo-sorted.xlsx");
        int sick = layout.last();
        LibreOfficeCalc.require().edit(filled, saved, List.of("--set", "Profil!" + layout.figure() + sick + "=7.1",
                "--set", "Profil!" + layout.comment() + sick + "=" + COMMENT,
                "--sort", "Profil!A" + layout.first() + ":" + layout.comment() + layout.last() + "=C",
                "--sort", "Seriedata!A4:H44=H", "--insert-rows", "Profil!1:1"));

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }

    @Test
    void rowsInsertedAndSheetsMovedAndRenamedByOpenpyxlLeaveOnlyTheRealEdits() throws Exception {
        // openpyxl moves the cells but not the tables' ranges nor the formulas' references
        Path saved = dir.resolve("openpyxl-moved.xlsx");
        Openpyxl.require().edit(filled, saved, ROWS_INSERTED_AND_SHEETS_MOVED);

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }
}

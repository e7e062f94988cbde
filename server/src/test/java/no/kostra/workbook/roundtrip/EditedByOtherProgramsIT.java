package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kostra.service.Services;
import no.kostra.support.LibreOfficeCalc;
import no.kostra.support.Openpyxl;
import no.kostra.support.SeededServicesExtension;
import no.kostra.support.TableCell;
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
    static final String TABLE = RoundTripTest.TABLE;
    static final String SERIES = "Serier_KHT";

    @TempDir
    static Path dir;
    static Path filled;
    static TableCell sickLeave;
    static TableCell sickLeaveComment;
    static int firstProfileRow;
    static String profileRows;
    static String profileNameColumn;
    static String seriesRows;
    static String seriesReportYearColumn;

    @BeforeAll
    static void fillTheKommunehelseWorkbook() throws Exception {
        filled = dir.resolve("kht.xlsx");
        byte[] xlsx = SEEDED.services().reports().fill("kommunehelse", "3201", 2024).xlsx();
        Files.write(filled, xlsx);
        // the cells and ranges as filled, found by table, row and column, so a new layout does not move them from under the test
        sickLeave = TableCell.find(xlsx, TABLE, MovedRowsAndSheetsTest.SYKEFRAVAER, "2024");
        sickLeaveComment = TableCell.find(xlsx, TABLE, MovedRowsAndSheetsTest.SYKEFRAVAER, RoundTripTest.COMMENT);
        firstProfileRow = TableCell.find(xlsx, TABLE, MovedRowsAndSheetsTest.RESSURSBRUK, "2024").row();
        profileRows = TableCell.dataRange(xlsx, TABLE);
        profileNameColumn = TableCell.column(xlsx, TABLE, "Indikator");
        seriesRows = TableCell.dataRange(xlsx, SERIES);
        seriesReportYearColumn = TableCell.column(xlsx, SERIES, "2024");
        assertThat(sickLeave.sheet()).isEqualTo("Profil");
        assertThat(profileRows).as("sick leave is the profile's last row").endsWith(String.valueOf(sickLeave.row()));
    }

    /**
     * Two rows inserted above the profile table and one inside it (before its sixth row), sheets moved and renamed, rows
     * inserted in them, and the two real edits made where sick leave is now: three rows further down than as filled.
     */
    static List<String> rowsInsertedAndSheetsMoved() {
        int now = sickLeave.row() + 3;
        return List.of(
                "--insert-rows", "Profil!5:2", "--insert-rows", "Profil!" + (firstProfileRow + 2 + 5) + ":1",
                "--move-sheet", "Effektivitet=0", "--rename-sheet", "Seriedata=Data for serier",
                "--insert-rows", "Data for serier!2:3", "--insert-rows", "Effektivitet!20:4",
                "--set", "Profil!" + sickLeave.column() + now + "=7.1",
                "--set", "Profil!" + sickLeaveComment.column() + now + "=" + COMMENT);
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
        LibreOfficeCalc.require().edit(filled, saved, rowsInsertedAndSheetsMoved());

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }

    @Test
    void tablesSortedInLibreOfficeLeaveOnlyTheRealEdits() throws Exception {
        // the edits, then the profile sorted by indicator name, the series by their 2024 figures, and a row inserted on top
        Path saved = dir.resolve("lo-sorted.xlsx");
        LibreOfficeCalc.require().edit(filled, saved, List.of("--set", sickLeave.named() + "=7.1",
                "--set", sickLeaveComment.named() + "=" + COMMENT,
                "--sort", "Profil!" + profileRows + "=" + profileNameColumn,
                "--sort", "Seriedata!" + seriesRows + "=" + seriesReportYearColumn, "--insert-rows", "Profil!1:1"));

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }

    @Test
    void rowsInsertedAndSheetsMovedAndRenamedByOpenpyxlLeaveOnlyTheRealEdits() throws Exception {
        // openpyxl moves the cells but not the tables' ranges nor the formulas' references
        Path saved = dir.resolve("openpyxl-moved.xlsx");
        Openpyxl.require().edit(filled, saved, rowsInsertedAndSheetsMoved());

        assertThat(decisions(saved)).containsExactlyInAnyOrderElementsOf(THE_REAL_EDITS);
    }
}

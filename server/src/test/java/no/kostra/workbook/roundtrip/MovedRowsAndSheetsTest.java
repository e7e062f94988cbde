package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ole inserts rows and reorders and renames sheets before he sends the workbook back, as people do (issue 20, item 6):
 * the computed cells whose references moved with the rows are the same formulas, so only what he really changed is
 * reported. The workbooks here are edited and saved by POI; {@code EditedByOtherProgramsIT} does the same in
 * LibreOffice and openpyxl.
 */
class MovedRowsAndSheetsTest {
    static final String TABLE = RoundTripTest.TABLE;
    static final String SYKEFRAVAER = RoundTripTest.SYKEFRAVAER;
    static final String RESSURSBRUK = RoundTripTest.RESSURSBRUK;
    /** The real edit in every workbook here: Bærum's 2024 sick leave, 7,27 filled, corrected to 7,1. */
    static final String THE_REAL_EDIT = "VALUE KHT.sykefravaer 7.27 -> 7.1 APPLIED";

    Services services;
    byte[] filled;

    @BeforeEach
    void fillTheKommunehelseWorkbook() {
        services = SeededServices.open();
        filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    /** The 1-based sheet row of an indicator's row in the filled profile table, found by table and row key. */
    private int rowOf(String indicator) {
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            return ole.cell(TABLE, indicator, "2024").getRowIndex() + 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] edited(UnaryOperator<PersonInExcel> moves) {
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            ole.type(TABLE, SYKEFRAVAER, "2024", 7.1);
            return moves.apply(ole).save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> decisions(byte[] returned) {
        return describe(services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", true));
    }

    static List<String> describe(UploadReport report) {
        return report.decisions().stream().map(d -> d.edit().kind() + " " + d.edit().indicator() + " "
                + d.edit().oldText() + " -> " + d.edit().newText() + " " + d.outcome()).toList();
    }

    @Test
    void rowsInsertedAboveTheProfileTableLeaveOnlyTheRealEdit() {
        byte[] returned = edited(ole -> ole.insertRows("Profil", 5, 2));

        assertThat(decisions(returned)).containsExactly(THE_REAL_EDIT);
    }

    @Test
    void aRowInsertedInsideTheProfileTableLeavesOnlyTheRealEdit() {
        // the profile table's data rows are 37–53; the empty row goes in before row 42
        byte[] returned = edited(ole -> ole.insertRows("Profil", 42, 1));

        assertThat(decisions(returned)).containsExactly(THE_REAL_EDIT);
    }

    @Test
    void sheetsReorderedAndRenamedWithRowsInsertedLeaveOnlyTheRealEdit() {
        byte[] returned = edited(ole -> ole.moveSheet("Effektivitet", 0).moveSheet("Seriedata", 1)
                .renameSheet("Seriedata", "Data for serier").renameSheet("Profil", "Profil 2024")
                .insertRows("Profil 2024", 1, 3).insertRows("Data for serier", 2, 4).insertRows("Effektivitet", 10, 2));

        assertThat(decisions(returned)).containsExactly(THE_REAL_EDIT);
    }

    @Test
    void theRealEditIsReportedAtTheCellWhereItIsNow() {
        byte[] returned = edited(ole -> ole.renameSheet("Profil", "Profil 2024").insertRows("Profil 2024", 5, 2));

        Decision decision = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", true).decisions().get(0);

        // sick leave is the profile's 17th row (row 59 as filled in the 2024 design), two rows further down now
        assertThat(decision.edit().sheet() + "!" + decision.edit().cell()).isEqualTo("Profil 2024!G" + (rowOf(SYKEFRAVAER) + 2));
    }

    @Test
    void aComputedCellWhoseFormulaNowComputesSomethingElseIsStillReported() {
        // given the index of ressursbruk made to divide by the highest ASSS figure instead of the mean, in a moved row
        int r = rowOf(RESSURSBRUK);
        int moved = r + 2;
        byte[] returned = edited(ole -> ole
                .typeFormula(TABLE, RESSURSBRUK, "Indeks (ASSS = 100)",
                        "IF(AND(ISNUMBER(G" + r + "),ISNUMBER(I" + r + "),I" + r + "<>0),G" + r + "/I" + r + "*100,\"..\")")
                .insertRows("Profil", 5, 2));

        assertThat(decisions(returned)).containsExactlyInAnyOrder(THE_REAL_EDIT,
                "LOCKED_CELL KHT.ressursbruksindikator =IF(AND(ISNUMBER(G" + r + "),ISNUMBER(H" + r + "),H" + r + "<>0),G" + r + "/H" + r
                        + "*100,\"..\") -> =IF(AND(ISNUMBER(G" + moved + "),ISNUMBER(I" + moved + "),I" + moved + "<>0),G" + moved
                        + "/I" + moved + "*100,\"..\") REJECTED");
    }
}

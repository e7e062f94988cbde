package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.kostra.workbook.roundtrip.FormulaMeaning.Geometry;
import no.kostra.workbook.roundtrip.FormulaMeaning.Place;
import org.junit.jupiter.api.Test;

/**
 * Formulas compared by what they compute. The efficiency cell (Effektivitet!E26) reads the 2024 cost on the profile
 * sheet, whose table held Bærum's sick leave in row 53 (index 52) and the 2024 figures in column G (index 6); in the
 * returned workbook that sheet is called "Profil 2024" and two rows were inserted above its table.
 */
class FormulaMeaningTest {
    private static final Formulas FORMULAS = new Formulas();
    private static final String KEY = "KHT.sykefravaer";

    private static Geometry geometry(String profileSheet, int sickLeaveRow) {
        return new Geometry() {
            @Override
            public String tableCell(String sheet, int row, int column) {
                if (!sheet.equals(profileSheet) || row != sickLeaveRow) {
                    return null;
                }
                return Map.of(6, "2024", 7, "ASSS-snitt").containsKey(column)
                        ? "Profil_KHT[" + Map.of(6, "2024", 7, "ASSS-snitt").get(column) + "]{" + KEY + "}" : null;
            }

            @Override
            public String sheetAsFilled(String sheet) {
                return sheet.equals(profileSheet) ? "Profil" : sheet;
            }
        };
    }

    private static final Geometry AS_FILLED = geometry("Profil", 52);
    private static final Geometry AS_RETURNED = geometry("Profil 2024", 54);
    private static final Place FILLED_AT = new Place("Effektivitet", 25, 4);

    private static boolean same(String filled, String now, Place nowAt) {
        return FormulaMeaning.same(FORMULAS, filled, FILLED_AT, AS_FILLED, now, nowAt, AS_RETURNED);
    }

    @Test
    void aReferenceThatFollowedItsRowAndItsRenamedSheetIsTheSameFormula() {
        assertThat(same("Profil!G53/Profil!H53*100", "'Profil 2024'!G55/'Profil 2024'!H55*100", FILLED_AT)).isTrue();
    }

    @Test
    void aReferenceToAnotherColumnOfTheSameRowIsAnotherFormula() {
        assertThat(same("Profil!G53/Profil!H53*100", "'Profil 2024'!G55/'Profil 2024'!I55*100", FILLED_AT)).isFalse();
    }

    @Test
    void aReferenceOutsideTheTablesIsReadRelativeToTheFormulasOwnCell() {
        // the formula moved down two rows with the cell it reads: the same; left where it was: another cell
        Place movedDown = new Place("Effektivitet", 27, 4);
        assertThat(same("C26*2", "C28*2", movedDown)).isTrue();
        assertThat(same("C26*2", "C26*2+0", movedDown)).isFalse();
        assertThat(same("C26*2", "C27*2", movedDown)).isFalse();
    }

    @Test
    void theSameTextIsTheSameFormulaWhereverAProgramMovedItWithoutRewritingIt() {
        assertThat(same("C26*2", "C26*2", new Place("Effektivitet", 27, 4))).isTrue();
    }

    @Test
    void spacesDollarSignsParenthesesAndHowANumberIsWrittenChangeNothing() {
        assertThat(same("(Profil!G53/Profil!H53)*100", "'Profil 2024'!$G$55 / 'Profil 2024'!$H55 * 100.0", FILLED_AT)).isTrue();
    }

    @Test
    void aStringConstantOrAFunctionThatDiffersIsAnotherFormula() {
        assertThat(same("IF(C26>0,C26,\"..\")", "IF(C26>0,C26,\"-\")", FILLED_AT)).isFalse();
        assertThat(same("SUM(C26:D26)", "AVERAGE(C26:D26)", FILLED_AT)).isFalse();
    }

    @Test
    void aFormulaThatCannotBeReadIsNeverTheSameAsAnother() {
        assertThat(same("C26*2", "C26*(2", FILLED_AT)).isFalse();
    }

    @Test
    void functionsExcelAddedLaterAndDefinedNamesAreReadByName() {
        assertThat(same("_xlfn.XLOOKUP(C26,Rapport_Tittel,D26)", "_xlfn.XLOOKUP(C26, Rapport_Tittel, D26)", FILLED_AT)).isTrue();
        assertThat(same("_xlfn.XLOOKUP(C26,Rapport_Tittel,D26)", "_xlfn.XLOOKUP(C26,Rapport_Kilde,D26)", FILLED_AT)).isFalse();
    }
}

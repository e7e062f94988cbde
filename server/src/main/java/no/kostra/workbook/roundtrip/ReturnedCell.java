package no.kostra.workbook.roundtrip;

import java.util.Objects;
import no.kostra.workbook.CellProvenance;

/**
 * One data cell of a returned workbook: what the service filled it with (from the provenance map) beside what the
 * cell holds now.
 *
 * @param filledValue  the number filled in, or null when a status symbol was
 * @param filledStatus the status symbol filled in, or null
 * @param nowText      the cell's content as the person left it, as text ("" when emptied)
 * @param nowNumber    the cell's number when it holds one, else null
 * @param nowFormula   the formula typed into the cell, or null; never evaluated, never stored
 */
public record ReturnedCell(String sheet, String cell, String indicator, String region, int year,
                           Double filledValue, String filledStatus, String nowText, Double nowNumber, String nowFormula) {
    public ReturnedCell {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        nowText = nowText == null ? "" : nowText.trim();
    }

    /** The cell still holds exactly what was filled in. */
    boolean unchanged() {
        if (nowFormula != null) {
            return false;
        }
        if (filledValue != null) {
            return nowNumber != null && Double.compare(nowNumber, filledValue) == 0;
        }
        return nowNumber == null && nowText.equals(filledStatus);
    }

    String filledText() {
        return filledValue != null ? CellProvenance.canonical(filledValue) : filledStatus;
    }
}

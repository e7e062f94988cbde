package no.kostra.workbook.roundtrip;

import java.util.Objects;

/** A cell the template computes (a live formula); a person may not overwrite it. */
public record LockedCell(String sheet, String cell, String indicator, String region, int year,
                         String filledFormula, String nowFormula, String nowText) {
    public LockedCell {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(filledFormula, "filledFormula");
    }

    boolean overwritten() {
        return nowFormula == null || !normalise(nowFormula).equals(normalise(filledFormula));
    }

    private static String normalise(String formula) {
        String f = formula.strip();
        return (f.startsWith("=") ? f.substring(1) : f).replace(" ", "");
    }
}

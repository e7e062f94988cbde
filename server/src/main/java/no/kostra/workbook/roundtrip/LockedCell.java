package no.kostra.workbook.roundtrip;

import java.util.Objects;

/**
 * A cell the template computes (a live formula) or a group's published figure, which a person overwrote: its formula
 * now means something else ({@link FormulaMeaning}), or it holds no formula at all.
 *
 * @param nowFormula the formula it holds now, or null when it holds a value
 * @param nowText    what it shows now
 */
public record LockedCell(String sheet, String cell, String indicator, String region, int year,
                         String filledFormula, String nowFormula, String nowText) {
    public LockedCell {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(filledFormula, "filledFormula");
    }
}

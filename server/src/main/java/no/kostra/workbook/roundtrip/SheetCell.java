package no.kostra.workbook.roundtrip;

import java.util.Objects;
import no.kostra.workbook.CellProvenance;

/**
 * One cell as a returned workbook holds it, never recalculated.
 *
 * @param number  the number, for a {@link Type#NUMBER} cell (finite); 0 otherwise
 * @param text    what the cell shows: a string, a boolean (SANN/USANN), an error (#N/A) or a date (15.03.2024); for a
 *                formula, the result the file carried (never used as a figure); null for a number
 * @param formula the formula without its "=", for a {@link Type#FORMULA} cell; else null
 */
record SheetCell(int column, Type type, double number, String text, String formula) {
    enum Type { NUMBER, TEXT, FORMULA }

    SheetCell {
        Objects.requireNonNull(type, "type");
        if (type == Type.FORMULA && formula == null) {
            throw new IllegalArgumentException("A formula cell without its formula");
        }
    }

    static SheetCell number(int column, double value) {
        return new SheetCell(column, Type.NUMBER, value, null, null);
    }

    static SheetCell text(int column, String text) {
        return new SheetCell(column, Type.TEXT, 0, text, null);
    }

    static SheetCell formula(int column, String formula, String result) {
        return new SheetCell(column, Type.FORMULA, 0, result == null ? "" : result, formula);
    }

    /** The cell's content as text: a number in canonical form (0.972), a formula as "=…" (never its result). */
    String content() {
        return switch (type) {
            case NUMBER -> CellProvenance.canonical(number);
            case TEXT -> text.strip();
            case FORMULA -> "=" + formula;
        };
    }

    /** What the cell shows: a formula's carried result rather than its formula. */
    String shown() {
        return type == Type.FORMULA ? text : content();
    }

    Double numberOrNull() {
        return type == Type.NUMBER ? number : null;
    }
}

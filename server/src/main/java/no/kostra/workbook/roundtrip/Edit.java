package no.kostra.workbook.roundtrip;

import java.util.Objects;

/**
 * A change a person made offline.
 *
 * @param oldText what the cell held when the service filled it (a number in plain text, a status symbol, a comment)
 * @param newText what it holds now, as the person typed it
 * @param newNumber the new figure when the person typed a number, else null
 */
public record Edit(Kind kind, String sheet, String cell, String indicator, String region, int year,
                   String oldText, String newText, Double newNumber) {
    public enum Kind {
        /** A figure corrected in a data cell. */
        VALUE,
        /** A comment written or changed in the comments column. */
        COMMENT,
        /** A row the person added to a table; reported, not stored (the service cannot know what it measures). */
        ROW_ADDED,
        /** A computed cell (a live formula: index, deviation, change) that the person overwrote. */
        LOCKED_CELL
    }

    String key() {
        return indicator + "|" + region + "|" + year;
    }

    public Edit {
        Objects.requireNonNull(kind, "kind");
        oldText = oldText == null ? "" : oldText;
        newText = newText == null ? "" : newText;
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
    }
}

package no.kostra.workbook.roundtrip;

import java.util.Objects;

/**
 * The comments cell of one row as returned, beside the comment the workbook was filled with.
 *
 * @param filledText the comment the service wrote into the cell ("" when none)
 * @param nowText    the cell's text now ("" when empty)
 */
public record ReturnedComment(String sheet, String cell, String indicator, String region, int year,
                              String filledText, String nowText) {
    public ReturnedComment {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        filledText = filledText == null ? "" : filledText.strip();
        nowText = nowText == null ? "" : nowText.strip();
    }
}

package no.kostra.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How many lines a wrapped cell's text takes, so a row can be given the height its text needs: Excel and LibreOffice
 * keep a row's stored height, and neither fits a merged cell to its text. Greedy word wrap, as both engines do, with
 * Calibri 11's proportions: a unit of column width holds about 1.25 characters of running text (1.1 in bold), and a
 * line is 14,5 points high (Excel draws one at 15, LibreOffice at about 13,5).
 */
public final class TextLines {
    /** Row height per line of 11-point text, in points. */
    public static final float LINE_POINTS = 14.5f;
    private static final double CHARS_PER_WIDTH_UNIT = 1.25;
    private static final double BOLD_CHARS_PER_WIDTH_UNIT = 1.1;
    /** Room above and below the text, in points. */
    private static final float PADDING_POINTS = 3f;

    private TextLines() {
    }

    /** Lines the text wraps into in a cell {@code widthInChars} wide (POI column width / 256, summed over a merge). */
    public static int count(String text, double widthInChars, boolean bold) {
        double capacity = Math.max(1.0, widthInChars * (bold ? BOLD_CHARS_PER_WIDTH_UNIT : CHARS_PER_WIDTH_UNIT));
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ")) {
                double length = word.length();
                if (used > 0 && used + 1 + length > capacity) {
                    lines++;
                    used = 0;
                }
                // a word longer than the line is broken where it no longer fits
                while (length > capacity) {
                    lines++;
                    length -= capacity;
                }
                used += (used > 0 ? 1 : 0) + length;
            }
        }
        return Math.max(lines, 1);
    }

    /**
     * Gives a row the height the text needs when the cell at (row, column) wraps and is the first of a merged range (an
     * explanatory note across a page): the merge's columns together are its width. Any other cell is left as it is.
     */
    public static void fitMerged(XSSFSheet sheet, int row, int column, String text) {
        XSSFCell cell = sheet.getRow(row).getCell(column);
        if (cell == null || !cell.getCellStyle().getWrapText()) {
            return;
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getFirstRow() == row && merged.getFirstColumn() == column && merged.getLastRow() == row) {
                double width = 0;
                for (int c = merged.getFirstColumn(); c <= merged.getLastColumn(); c++) {
                    width += sheet.getColumnWidth(c) / 256.0;
                }
                sheet.getRow(row).setHeightInPoints(height(count(text, width, cell.getCellStyle().getFont().getBold())));
            }
        }
    }

    /** The row height, in points, for this many lines. */
    public static float height(int lines) {
        return lines * LINE_POINTS + PADDING_POINTS;
    }
}

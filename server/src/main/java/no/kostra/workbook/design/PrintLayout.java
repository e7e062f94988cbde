package no.kostra.workbook.design;

import no.kostra.workbook.TextLines;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How a template sheet prints on A4: landscape, one page wide, the table heading on every page it runs onto, a table
 * starting on a page of its own so its heading never stands alone at a page foot, and rows as high as their text.
 * The widths a sheet is designed with decide the scale fit-to-width prints it at; {@link #scale} computes it, and a
 * designed sheet keeps it at {@link #MINIMUM_SCALE} or more.
 */
final class PrintLayout {
    /** No page is printed smaller than this: below it the table text falls under 8 points. */
    static final double MINIMUM_SCALE = 0.70;
    /** The smallest text a printout may have: chart labels are sized so they print at least this large. */
    static final double MINIMUM_PRINTED_POINTS = 8;
    /** A4 landscape, in points. */
    static final double PAGE_WIDTH_POINTS = 842;
    static final double PAGE_HEIGHT_POINTS = 595;
    /** Margins in inches: narrow sides, room for the header and footer lines. */
    static final double SIDE_MARGIN = 0.25;
    static final double TOP_MARGIN = 0.55;
    static final double BOTTOM_MARGIN = 0.55;
    private static final double HEADER_MARGIN = 0.25;
    /**
     * Points a unit of column width takes on paper at 100 %: Excel counts Calibri 11's digit, 7 pixels of 0,75 points
     * (5,25); LibreOffice, with Carlito, prints the same widths about 7 % wider (measured: 5,6). The wider is used, so
     * a sheet's scale is not overestimated in either.
     */
    private static final double POINTS_PER_WIDTH_UNIT = 5.6;

    private PrintLayout() {
    }

    /** A4 landscape, fit to one page wide and as many tall as it takes, the sheet's name above and page numbers below. */
    static void a4Landscape(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.TopMargin, TOP_MARGIN);
        sheet.setMargin(Sheet.BottomMargin, BOTTOM_MARGIN);
        sheet.setMargin(Sheet.HeaderMargin, HEADER_MARGIN);
        sheet.setMargin(Sheet.FooterMargin, HEADER_MARGIN);
        sheet.getHeader().setLeft("&A");
        sheet.getFooter().setCenter("Side &P av &N");
    }

    /**
     * A table's heading row: printed at the top of every page the table runs onto and as high as its text. With
     * {@code newPage} the table starts a printed page, so its heading never stands alone at the foot of the page above
     * (a table under a page-high chart).
     */
    static void tableHeading(XSSFSheet sheet, int headerRow, boolean newPage) {
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        if (newPage) {
            sheet.setRowBreak(headerRow - 1);
        }
        fitHeight(sheet.getRow(headerRow));
    }

    /**
     * Explanatory text in {@code row} wraps across columns {@code firstColumn..lastColumn} (one merged cell) instead of
     * running on in one line, which would widen the page and shrink the print. The filler gives the row the height of
     * the text it writes.
     */
    static void wrappedAcross(XSSFSheet sheet, int row, int firstColumn, int lastColumn) {
        sheet.addMergedRegion(new CellRangeAddress(row, row, firstColumn, lastColumn));
    }

    /**
     * The size, on the sheet, of chart labels that print at 8 points or more on this sheet: 8 over the scale the sheet
     * prints at, to the half point above.
     */
    static double labelPoints(Sheet sheet, int lastColumn) {
        return Math.ceil(MINIMUM_PRINTED_POINTS / scale(sheet, lastColumn) * 2) / 2;
    }

    /** Gives a row of wrapped text (a heading) the height its longest cell needs. */
    static void fitHeight(XSSFRow row) {
        int lines = 1;
        for (var each : row) {
            XSSFCell cell = (XSSFCell) each;
            if (cell.getCellStyle().getWrapText() && !row.getSheet().isColumnHidden(cell.getColumnIndex())) {
                lines = Math.max(lines, TextLines.count(cell.getStringCellValue(),
                        row.getSheet().getColumnWidth(cell.getColumnIndex()) / 256.0, cell.getCellStyle().getFont().getBold()));
            }
        }
        row.setHeightInPoints(TextLines.height(lines));
    }

    /**
     * The scale fit-to-width prints the sheet at: the printable width over the width of its visible columns from the
     * first to {@code lastColumn}, at most 1.
     */
    static double scale(Sheet sheet, int lastColumn) {
        double width = 0;
        for (int c = 0; c <= lastColumn; c++) {
            if (!sheet.isColumnHidden(c)) {
                width += sheet.getColumnWidth(c) / 256.0 * POINTS_PER_WIDTH_UNIT;
            }
        }
        return Math.min(1.0, printableWidth() / width);
    }

    /** The page's height left for the sheet, at the scale it prints at, in sheet points. */
    static double printableHeight(double scale) {
        return (PAGE_HEIGHT_POINTS - (TOP_MARGIN + BOTTOM_MARGIN) * 72) / scale;
    }

    static double printableWidth() {
        return PAGE_WIDTH_POINTS - 2 * SIDE_MARGIN * 72;
    }
}

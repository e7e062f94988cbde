package no.kostra.workbook.design;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;

/**
 * An Excel table (ListObject) with a header row and one empty sample row whose cell styles the filler copies to
 * every filled row.
 */
final class TableDesign {
    /**
     * A column: its header, width in characters, the sample row's style, and whether it is hidden (row keys, and what a
     * printout need not show: a chart's helper figures, a unit the next column's number format shows).
     */
    record Column(String header, int width, XSSFCellStyle style, boolean hidden) {
        static Column of(String header, int width, XSSFCellStyle style) {
            return new Column(header, width, style, false);
        }

        static Column hidden(String header, XSSFCellStyle style) {
            return new Column(header, 10, style, true);
        }
    }

    private TableDesign() {
    }

    /** Creates the table with its header at (headerRow, firstColumn); returns it. */
    static XSSFTable create(XSSFSheet sheet, String name, int headerRow, int firstColumn, List<Column> columns,
                            XSSFCellStyle headerStyle) {
        XSSFRow header = sheet.createRow(headerRow);
        XSSFRow sample = sheet.createRow(headerRow + 1);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int c = firstColumn + i;
            header.createCell(c).setCellValue(column.header());
            header.getCell(c).setCellStyle(headerStyle);
            sample.createCell(c).setCellStyle(column.style());
            sheet.setColumnWidth(c, column.width() * 256);
            sheet.setColumnHidden(c, column.hidden());
        }
        AreaReference area = new AreaReference(new CellReference(headerRow, firstColumn),
                new CellReference(headerRow + 1, firstColumn + columns.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        table.updateHeaders();
        table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
        var style = table.getCTTable().addNewTableStyleInfo();
        style.setName("TableStyleLight1");
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        return table;
    }
}

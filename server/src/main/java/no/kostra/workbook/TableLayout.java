package no.kostra.workbook;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;

/**
 * A template table as the filler sees it: its header row, its columns by header, and the first data row's cell
 * styles, which every filled row copies. Resizing the table writes no cell outside it.
 */
final class TableLayout {
    private final TemplateWorkbook template;
    private final XSSFTable table;
    private final XSSFSheet sheet;
    private final int headerRow;
    private final int firstColumn;
    private final int lastColumn;
    private final int templateLastRow;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<Integer, XSSFCellStyle> sampleStyles = new LinkedHashMap<>();
    /** The header row's text by column, as filled: every provenance entry names its column. */
    private final Map<Integer, String> headers = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter();
    private FilledRows filled;

    TableLayout(TemplateWorkbook template, XSSFTable table) {
        this.template = template;
        this.table = table;
        this.sheet = table.getXSSFSheet();
        CellReference start = table.getStartCellReference();
        CellReference end = table.getEndCellReference();
        this.headerRow = start.getRow();
        this.firstColumn = start.getCol();
        this.lastColumn = end.getCol();
        this.templateLastRow = end.getRow();
        XSSFRow header = sheet.getRow(headerRow);
        XSSFRow sample = sheet.getRow(headerRow + 1);
        for (int c = firstColumn; c <= lastColumn; c++) {
            XSSFCell cell = header == null ? null : header.getCell(c);
            String text = cell == null ? "" : cell.getStringCellValue();
            columns.put(text.trim(), c);
            headers.put(c, text);
            XSSFCell sampleCell = sample == null ? null : sample.getCell(c);
            sampleStyles.put(c, sampleCell == null ? sheet.getWorkbook().getCellStyleAt(0) : sampleCell.getCellStyle());
        }
    }

    TemplateWorkbook template() {
        return template;
    }

    String tableName() {
        return table.getName();
    }

    XSSFSheet sheet() {
        return sheet;
    }

    int firstDataRow() {
        return headerRow + 1;
    }

    Optional<Integer> findColumn(String header) {
        return Optional.ofNullable(columns.get(header));
    }

    int requireColumn(String header) {
        return findColumn(header).orElseThrow(() -> template.missing("kolonnen '" + header + "' i tabellen '" + tableName() + "'"));
    }

    /** The template's header of a column index (before the filler renames year columns). */
    String templateHeader(int column) {
        return columns.entrySet().stream().filter(e -> e.getValue() == column).map(Map.Entry::getKey).findFirst().orElse("");
    }

    boolean contains(int column) {
        return column >= firstColumn && column <= lastColumn;
    }

    XSSFCellStyle sampleStyle(int column) {
        return sampleStyles.get(column);
    }

    /**
     * Makes the table hold exactly {@code rows} data rows (at least one, as Excel requires): refuses when template
     * content below the table would be overwritten, and takes the data rows over from POI ({@link FilledRows}), the
     * table's cells in rows the template had beyond the new end left out.
     */
    void resize(int rows) {
        int dataRows = Math.max(rows, 1);
        int newLast = headerRow + dataRows;
        for (int r = templateLastRow + 1; r <= newLast; r++) {
            XSSFRow row = sheet.getRow(r);
            for (int c = firstColumn; row != null && c <= lastColumn; c++) {
                XSSFCell cell = row.getCell(c);
                if (cell != null && cell.getCellType() != CellType.BLANK) {
                    throw template.missing("plass under tabellen '" + tableName() + "': cellen "
                            + new CellReference(sheet.getSheetName(), r, c, false, false).formatAsString()
                            + " har innhold og ville blitt overskrevet av " + rows + " rader");
                }
            }
        }
        filled = template.filledRows(sheet);
        filled.takeOver(headerRow + 1, Math.max(newLast, templateLastRow), newLast, firstColumn, lastColumn);
        table.setArea(new AreaReference(new CellReference(headerRow, firstColumn), new CellReference(newLast, lastColumn),
                SpreadsheetVersion.EXCEL2007));
    }

    /** Writes a cell of a data row (0 = first); the table must have been resized to its rows first. */
    void put(int dataRow, int column, FilledRows.Cell cell) {
        if (filled == null) {
            throw new IllegalStateException("Table " + tableName() + " is written before it is resized");
        }
        filled.put(headerRow + 1 + dataRow, column, cell);
    }

    /** The text a cell shows: filled rows as written, other rows (the header) as the sheet has them. */
    String text(int row, int column) {
        if (filled != null && filled.has(row)) {
            FilledRows.Cell cell = filled.get(row, column);
            Double value = number(row, column);
            if (value != null) {
                return formatter.formatRawCellContents(value, cell.style().getDataFormat(), cell.style().getDataFormatString());
            }
            return cell instanceof FilledRows.Text text ? text.text()
                    : cell instanceof FilledRows.Formula formula ? formula.text() : "";
        }
        XSSFRow r = sheet.getRow(row);
        XSSFCell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell);
    }

    /** The number a cell shows (a formula's cached result), or null for a status symbol, text or blank. */
    Double number(int row, int column) {
        if (filled != null && filled.has(row)) {
            FilledRows.Cell cell = filled.get(row, column);
            if (cell instanceof FilledRows.Number number) {
                return number.value();
            }
            return cell instanceof FilledRows.Formula formula ? formula.number() : null;
        }
        XSSFRow r = sheet.getRow(row);
        XSSFCell cell = r == null ? null : r.getCell(column);
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC ? cell.getNumericCellValue() : null;
    }

    /**
     * Gives a filled row the height its wrapped text needs. Neither Excel nor LibreOffice grows a row on opening a
     * file, so without this a long indicator name is cut off. Estimated from text length over column width.
     */
    void fitHeight(int dataRow) {
        int row = headerRow + 1 + dataRow;
        int lines = 1;
        for (Map.Entry<Integer, FilledRows.Cell> cell : filled.cells(row).entrySet()) {
            if (cell.getValue() instanceof FilledRows.Text text && text.style().getWrapText()) {
                lines = Math.max(lines, TextLines.count(text.text(), sheet.getColumnWidth(cell.getKey()) / 256.0,
                        text.style().getFont().getBold()));
            }
        }
        filled.height(row, TextLines.height(lines));
    }

    /** Rewrites a header (year columns get their year) and keeps the table's column names in step. */
    void renameHeader(int column, String header) {
        sheet.getRow(headerRow).getCell(column).setCellValue(header);
        headers.put(column, header);
    }

    String header(int column) {
        return headers.get(column);
    }

    void finishHeaders() {
        table.updateHeaders();
    }

    /** A1 reference of a data cell, as a formula in the same sheet uses it. */
    static String ref(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    String absoluteRange(int column, int firstRow, int lastRow) {
        return new AreaReference(new CellReference(sheet.getSheetName(), firstRow, column, true, true),
                new CellReference(sheet.getSheetName(), lastRow, column, true, true), SpreadsheetVersion.EXCEL2007)
                .formatAsString();
    }
}

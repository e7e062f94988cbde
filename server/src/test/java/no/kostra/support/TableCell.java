package no.kostra.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where a cell of a filled workbook is, found as a person finds it: by table name, the row's Id and the column's header,
 * so a test that writes a cell by hand does not depend on the report's layout (which rows the chart above the table takes).
 *
 * @param sheet the sheet's name, as Excel shows it
 * @param column the column's letters, e.g. {@code G}
 * @param row the row's number as Excel shows it (1-based)
 * @param style the cell's style index (its {@code s} attribute in the sheet's XML)
 */
public record TableCell(String sheet, String column, int row, int style) {

    public static TableCell find(byte[] xlsx, String table, String id, String header) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable t = workbook.getTable(table);
            if (t == null) {
                throw new AssertionError("No table " + table);
            }
            XSSFSheet sheet = t.getXSSFSheet();
            DataFormatter text = new DataFormatter();
            Row headers = sheet.getRow(t.getStartRowIndex());
            int column = -1;
            int idColumn = -1;
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                String h = text.formatCellValue(headers.getCell(c));
                if (h.equals(header)) {
                    column = c;
                }
                if (h.equals("Id")) {
                    idColumn = c;
                }
            }
            if (column < 0 || idColumn < 0) {
                throw new AssertionError("No column " + header + " (or Id) in " + table);
            }
            for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && text.formatCellValue(row.getCell(idColumn)).equals(id)) {
                    Cell cell = row.getCell(column);
                    int style = cell == null ? 0 : cell.getCellStyle().getIndex();
                    return new TableCell(sheet.getSheetName(), CellReference.convertNumToColString(column), r + 1, style);
                }
            }
            throw new AssertionError("No row " + id + " in " + table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table's data rows (without its header row) as a range, e.g. {@code A44:S60}. */
    public static String dataRange(byte[] xlsx, String table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable t = workbook.getTable(table);
            if (t == null) {
                throw new AssertionError("No table " + table);
            }
            return new CellReference(t.getStartRowIndex() + 1, t.getStartColIndex()).formatAsString(false) + ":"
                    + new CellReference(t.getEndRowIndex(), t.getEndColIndex()).formatAsString(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letters of a table's column, found by its header. */
    public static String column(byte[] xlsx, String table, String header) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable t = workbook.getTable(table);
            if (t == null) {
                throw new AssertionError("No table " + table);
            }
            Row headers = t.getXSSFSheet().getRow(t.getStartRowIndex());
            DataFormatter text = new DataFormatter();
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                if (text.formatCellValue(headers.getCell(c)).equals(header)) {
                    return CellReference.convertNumToColString(c);
                }
            }
            throw new AssertionError("No column " + header + " in " + table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell's address, e.g. {@code G43}. */
    public String address() {
        return column + row;
    }

    /** The address of the cell in the same row, {@code columns} to the right (or left, if negative). */
    public String beside(int columns) {
        return CellReference.convertNumToColString(CellReference.convertColStringToIndex(column) + columns) + row;
    }

    /** The address as the upload's messages name it, e.g. {@code Profil!G43}. */
    public String named() {
        return sheet + "!" + address();
    }
}

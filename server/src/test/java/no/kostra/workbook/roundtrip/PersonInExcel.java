package no.kostra.workbook.roundtrip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edits a filled workbook the way a person would in a spreadsheet program: by table, row and column header. */
final class PersonInExcel implements AutoCloseable {
    private final XSSFWorkbook workbook;

    PersonInExcel(byte[] xlsx) {
        try {
            this.workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cell cell(String table, String indicator, String header) {
        XSSFTable t = workbook.getTable(table);
        XSSFSheet sheet = t.getXSSFSheet();
        DataFormatter text = new DataFormatter();
        Row headers = sheet.getRow(t.getStartRowIndex());
        int column = -1;
        int id = -1;
        for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
            String h = text.formatCellValue(headers.getCell(c));
            if (h.equals(header)) {
                column = c;
            }
            if (h.equals("Id")) {
                id = c;
            }
        }
        for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && text.formatCellValue(row.getCell(id)).equals(indicator)) {
                Cell cell = row.getCell(column);
                return cell != null ? cell : row.createCell(column);
            }
        }
        throw new AssertionError("No row " + indicator + " / column " + header + " in " + table);
    }

    /** Typing over a formula replaces it, as in Excel (POI would only change its cached result). */
    PersonInExcel type(String table, String indicator, String header, double value) {
        Cell cell = cell(table, indicator, header);
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            cell.removeFormula();
        }
        cell.setCellValue(value);
        return this;
    }

    /** Typing text writes a new cell, as Excel does (POI would keep an inline string's old text beside the new one). */
    PersonInExcel type(String table, String indicator, String header, String text) {
        Cell old = cell(table, indicator, header);
        Row row = old.getRow();
        int column = old.getColumnIndex();
        var style = old.getCellStyle();
        row.removeCell(old);
        Cell typed = row.createCell(column);
        typed.setCellStyle(style);
        typed.setCellValue(text);
        return this;
    }

    PersonInExcel typeFormula(String table, String indicator, String header, String formula) {
        cell(table, indicator, header).setCellFormula(formula);
        return this;
    }

    /** Inserts empty rows before a row (1-based, as Excel numbers them), as POI shifts rows: formulas follow. */
    PersonInExcel insertRows(String sheet, int beforeRow, int count) {
        XSSFSheet s = workbook.getSheet(sheet);
        s.shiftRows(beforeRow - 1, s.getLastRowNum(), count);
        return this;
    }

    PersonInExcel moveSheet(String sheet, int position) {
        workbook.setSheetOrder(sheet, position);
        return this;
    }

    PersonInExcel renameSheet(String sheet, String name) {
        workbook.setSheetName(workbook.getSheetIndex(sheet), name);
        return this;
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    byte[] save() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}

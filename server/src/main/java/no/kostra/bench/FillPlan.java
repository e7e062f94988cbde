package no.kostra.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.workbook.ProvenanceSheet;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.TemplatePart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Everything the Java filler wrote into a workbook, as a plan another filler (openpyxl) can replay: each table's
 * cells and new area, the titles, the provenance rows. Read back from a filled workbook so both write the same cells.
 */
final class FillPlan {
    private FillPlan() {
    }

    static Map<String, Object> of(ReportTemplate template, byte[] filled) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (TemplatePart part : template.parts()) {
                XSSFTable table = workbook.getTable(part.table());
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int r = table.getStartRowIndex(); r <= table.getEndRowIndex(); r++) {
                    XSSFRow row = table.getXSSFSheet().getRow(r);
                    for (int c = table.getStartColIndex(); row != null && c <= table.getEndColIndex(); c++) {
                        XSSFCell cell = row.getCell(c);
                        if (cell != null && cell.getCellType() != CellType.BLANK) {
                            cells.add(cell(cell));
                        }
                    }
                }
                tables.add(Map.of("name", table.getName(), "sheet", table.getSheetName(), "ref",
                        table.getArea().formatAsString(), "cells", cells));
            }
            List<Map<String, Object>> names = new ArrayList<>();
            workbook.getAllNames().forEach(name -> {
                var ref = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007).getFirstCell();
                XSSFCell cell = workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
                names.add(Map.of("sheet", ref.getSheetName(), "a", cell.getAddress().formatAsString(), "s",
                        new DataFormatter().formatCellValue(cell)));
            });
            List<List<String>> provenance = new ArrayList<>();
            XSSFSheet sheet = workbook.getSheet(ProvenanceSheet.SHEET_NAME);
            DataFormatter text = new DataFormatter();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                List<String> values = new ArrayList<>();
                XSSFRow row = sheet.getRow(r);
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    values.add(row.getCell(c) == null ? null : text.formatCellValue(row.getCell(c)));
                }
                provenance.add(values);
            }
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("tables", tables);
            plan.put("names", names);
            plan.put("provenanceSheet", ProvenanceSheet.SHEET_NAME);
            plan.put("provenance", provenance);
            return plan;
        }
    }

    private static Map<String, Object> cell(XSSFCell cell) {
        String address = cell.getAddress().formatAsString();
        return switch (cell.getCellType()) {
            case FORMULA -> Map.of("a", address, "f", cell.getCellFormula());
            case NUMERIC -> Map.of("a", address, "n", cell.getNumericCellValue());
            default -> Map.of("a", address, "s", new DataFormatter().formatCellValue(cell));
        };
    }
}

package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Filled rows taken over from POI and spliced back into the sheet XML it writes. */
class FilledRowsTest {
    @Test
    void tablesSideBySideShareTheirRowsAndKeepTheTemplatesOtherCells() throws IOException {
        // given a sheet with two tables side by side (A:B and D:E, header in row 1, one template row each) and a note
        try (XSSFWorkbook template = new XSSFWorkbook()) {
            XSSFSheet sheet = template.createSheet("Data");
            XSSFCellStyle style = template.getCellStyleAt(0);
            sheet.createRow(0).createCell(0).setCellValue("Id");
            sheet.getRow(0).createCell(3).setCellValue("År");
            sheet.createRow(1).createCell(0).setCellValue("eksempel");
            sheet.getRow(1).createCell(3).setCellValue("eksempel");
            sheet.getRow(1).createCell(4).setCellValue("bare i malen");
            sheet.getRow(1).createCell(6).setCellValue("Merknad");
            sheet.createRow(6).createCell(0).setCellValue("under tabellene");

            // when table A takes rows 2–4 and table B rows 2–3, and each writes its columns
            FilledRows rows = new FilledRows(sheet);
            rows.takeOver(1, 3, 3, 0, 1);
            rows.takeOver(1, 2, 2, 3, 4);
            for (int r = 1; r <= 3; r++) {
                rows.put(r, 0, new FilledRows.Text(style, "A" + r));
                rows.put(r, 1, new FilledRows.Formula(style, "ROW()*10", r * 10.0 + 10, null));
            }
            for (int r = 1; r <= 2; r++) {
                rows.put(r, 3, new FilledRows.Number(style, 2023 + r));
            }
            rows.height(2, 30f);
            byte[] spliced = SheetSplicer.splice(bytes(template), Map.of("xl/worksheets/sheet1.xml", rows));

            // then
            try (XSSFWorkbook filled = new XSSFWorkbook(new ByteArrayInputStream(spliced))) {
                XSSFSheet data = filled.getSheet("Data");
                assertThat(data.getRow(0).getCell(3).getStringCellValue()).isEqualTo("År");
                assertThat(data.getRow(3).getCell(0).getStringCellValue()).isEqualTo("A3");
                assertThat(data.getRow(2).getCell(1).getCellFormula()).isEqualTo("ROW()*10");
                assertThat(data.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(30.0);
                assertThat(data.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2025.0);
                assertThat(data.getRow(2).getHeightInPoints()).isEqualTo(30f);
                // the template's cell in B's column that B did not write stays in B's rows, not in rows B gave up
                assertThat(data.getRow(1).getCell(4).getStringCellValue()).isEqualTo("bare i malen");
                assertThat(data.getRow(3).getCell(3)).isNull();
                assertThat(data.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Merknad");
                assertThat(data.getRow(6).getCell(0).getStringCellValue()).isEqualTo("under tabellene");
                assertThat(data.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(data.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:G7");
            }
        }
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotHoldAreLeftOut() throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook()) {
            XSSFSheet sheet = template.createSheet("Data");
            FilledRows rows = new FilledRows(sheet);
            rows.takeOver(0, 0, 0, 0, 0);
            rows.put(0, 0, new FilledRows.Text(template.getCellStyleAt(0), " <Bærum & Asker>\u0001 "));

            byte[] spliced = SheetSplicer.splice(bytes(template), Map.of("xl/worksheets/sheet1.xml", rows));

            try (XSSFWorkbook filled = new XSSFWorkbook(new ByteArrayInputStream(spliced))) {
                assertThat(filled.getSheet("Data").getRow(0).getCell(0).getStringCellValue()).isEqualTo(" <Bærum & Asker> ");
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}

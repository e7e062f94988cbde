package no.kostra.workbook.roundtrip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.ProvenanceSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Finds a filled figure's cell through the workbook's provenance (key {@code indicator|region|year}) and types over it. */
public final class WriteRightsFixture {
    private WriteRightsFixture() {
    }

    /** Types a number over the filled cell of (indicator, region, year), wherever the provenance says it was written. */
    public static byte[] typed(byte[] xlsx, Map<String, Double> byKey) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<CellProvenance> cells = ProvenanceSheet.read(workbook).orElseThrow().cells();
            for (Map.Entry<String, Double> edit : byKey.entrySet()) {
                CellProvenance p = cells.stream().filter(c -> c.kind() == CellProvenance.Kind.DATA && c.statistic() == null
                                && (c.indicator() + "|" + c.region() + "|" + c.year()).equals(edit.getKey()))
                        .findFirst().orElseThrow(() -> new AssertionError("No filled cell for " + edit.getKey()));
                XSSFSheet sheet = workbook.getSheet(p.sheet());
                CellReference ref = new CellReference(p.cell());
                Row row = sheet.getRow(ref.getRow());
                Cell cell = row.getCell(ref.getCol());
                cell.setCellValue(edit.getValue());
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    public static String where(byte[] xlsx, String key) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return ProvenanceSheet.read(workbook).orElseThrow().cells().stream()
                    .filter(c -> c.kind() == CellProvenance.Kind.DATA && c.statistic() == null
                            && (c.indicator() + "|" + c.region() + "|" + c.year()).equals(key))
                    .map(c -> c.sheet() + "!" + c.cell()).findFirst().orElseThrow();
        }
    }
}

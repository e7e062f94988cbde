package no.kostra.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * A large, clearly synthetic filled workbook (a table of {@code rows × years} figures with a signed provenance map),
 * for measuring the read-back of returned workbooks at scale: every {@code editEvery}-th figure differs from the one
 * the map says was filled, as if a person had corrected it. Deterministic.
 */
public final class SyntheticFilledWorkbook {
    public static final String TABLE = "Syntetisk_profil";

    private SyntheticFilledWorkbook() {
    }

    public static byte[] build(int rows, int years, int editEvery, ProvenanceSigner signer) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Syntetisk");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue(ProfileColumn.ID.header());
            for (int y = 0; y < years; y++) {
                header.createCell(1 + y).setCellValue(Integer.toString(2015 + y));
            }
            List<CellProvenance> cells = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                XSSFRow row = sheet.createRow(1 + r);
                String indicator = "SYN.indikator_" + r;
                row.createCell(0).setCellValue(indicator);
                for (int y = 0; y < years; y++) {
                    double value = 100.0 + r + y / 10.0;
                    boolean edited = (r * years + y) % editEvery == 0;
                    row.createCell(1 + y).setCellValue(edited ? value + 1 : value);
                    cells.add(new CellProvenance(sheet.getSheetName(), new CellReference(1 + r, 1 + y).formatAsString(false),
                            TABLE, Integer.toString(2015 + y), indicator, CellProvenance.Kind.DATA, indicator, "3201", 2015 + y,
                            null, CellProvenance.canonical(value), null, null));
                }
            }
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(0, 0), new CellReference(rows, years),
                    SpreadsheetVersion.EXCEL2007));
            table.setName(TABLE);
            table.setDisplayName(TABLE);
            ProvenanceHeader provenance = new ProvenanceHeader("syntetisk", "1", "0".repeat(64), "3201", "Bærum",
                    2015 + years - 1, 1, Instant.parse("2025-06-15T08:00:00Z"), signer.keyId());
            ProvenanceSheet.write(workbook, provenance, cells, signer);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

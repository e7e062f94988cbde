package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The provenance's cell count is covered by the map's signature (issue 20, item 14): a hidden sheet whose cellCount was
 * edited is not intact. Format 2 maps, signed before the count was, still read intact while their count matches their
 * signed entries.
 */
class ProvenanceCellCountTest {
    private static final ProvenanceSigner KEY = new ProvenanceSigner("test",
            "a signing key for the cell count test, 32+ bytes".getBytes(StandardCharsets.US_ASCII));
    private static final ProvenanceHeader HEADER = new ProvenanceHeader("kommunehelse", "1", "abc", "3201", "Bærum", 2024, 7,
            Instant.parse("2025-06-20T10:00:00Z"), "test");
    private static final List<CellProvenance> CELLS = List.of(
            new CellProvenance("Profil", "C5", "profil", "2024", "KHT.ressursbruksindikator", CellProvenance.Kind.DATA,
                    "KHT.ressursbruksindikator", "3201", 2024, null, "0.972", null, null),
            new CellProvenance("Profil", "D5", "profil", "ASSS", "KHT.ressursbruksindikator", CellProvenance.Kind.DATA,
                    "KHT.ressursbruksindikator", "ASSS", 2024, "mean", "1", null, null));

    private static XSSFWorkbook filled() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        ProvenanceSheet.write(workbook, HEADER, CELLS, KEY);
        return workbook;
    }

    /** Sets the value beside a header field of the hidden sheet, as a person with a macro could. */
    private static void edit(XSSFWorkbook workbook, String field, String value) {
        XSSFSheet sheet = workbook.getSheet(ProvenanceSheet.SHEET_NAME);
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(field)) {
                InlineText.set(row.getCell(1), value);
                return;
            }
        }
        throw new AssertionError("no field " + field);
    }

    @Test
    void aMapAsSignedIsIntactAndSaysHowManyCellsItHas() throws Exception {
        try (XSSFWorkbook workbook = filled()) {
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(workbook).orElseThrow();

            assertThat(provenance.format()).isEqualTo(ProvenanceSheet.FORMAT);
            assertThat(provenance.cellCount()).isEqualTo("2");
            assertThat(provenance.isIntact(KEY)).isTrue();
        }
    }

    @Test
    void anEditedCellCountBreaksTheSignature() throws Exception {
        try (XSSFWorkbook workbook = filled()) {
            edit(workbook, "cellCount", "1");

            assertThat(ProvenanceSheet.read(workbook).orElseThrow().isIntact(KEY)).isFalse();
        }
    }

    @Test
    void aFormatTwoMapSignedWithoutItsCountStillReadsIntactUnlessTheCountDisagreesWithItsEntries() throws Exception {
        try (XSSFWorkbook workbook = filled()) {
            // given a map as format 2 wrote it: the count beside the header, outside the signature
            edit(workbook, "format", ProvenanceSheet.FORMAT_V2);
            edit(workbook, "mapHmac", KEY.sign(ProvenanceSheet.canonical(ProvenanceSheet.FORMAT_V2, HEADER, CELLS, "2")));

            assertThat(ProvenanceSheet.read(workbook).orElseThrow().isIntact(KEY)).isTrue();

            // when its count is edited, it no longer matches the signed entries
            edit(workbook, "cellCount", "3");

            assertThat(ProvenanceSheet.read(workbook).orElseThrow().isIntact(KEY)).isFalse();
        }
    }
}

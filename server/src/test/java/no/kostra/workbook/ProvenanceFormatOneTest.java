package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Workbooks filled before the provenance map moved to format 2 are still out in people's mailboxes: they must read
 * back as they were signed. The fixture was filled by the format-1 filler with a fixed test key.
 */
class ProvenanceFormatOneTest {
    private static final ProvenanceSigner FIXTURE_KEY = new ProvenanceSigner("fixture",
            "a fixed signing key for the v1 fixture, 32+ bytes".getBytes(StandardCharsets.US_ASCII));

    private static XSSFWorkbook fixture() throws Exception {
        try (InputStream in = ProvenanceFormatOneTest.class.getResourceAsStream("/workbooks/kommunehelse-3201-2024-provenance-v1.xlsx")) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void aFormatOneMapReadsBackIntactWithEveryEntry() throws Exception {
        try (XSSFWorkbook workbook = fixture()) {
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(workbook).orElseThrow();

            assertThat(provenance.format()).isEqualTo(ProvenanceSheet.FORMAT_V1);
            assertThat(provenance.header()).extracting(ProvenanceHeader::templateId, ProvenanceHeader::region,
                    ProvenanceHeader::year, ProvenanceHeader::keyId).containsExactly("kommunehelse", "3201", 2024, "fixture");
            assertThat(provenance.cells()).hasSize(354);
            assertThat(provenance.isIntact(FIXTURE_KEY)).isTrue();
            assertThat(provenance.tamperedRows(FIXTURE_KEY)).isEmpty();
            CellProvenance ressursbruk2024 = provenance.cells().stream()
                    .filter(c -> c.rowKey().equals("KHT.ressursbruksindikator") && c.column().equals("2024")).findFirst().orElseThrow();
            assertThat(ressursbruk2024).extracting(CellProvenance::region, CellProvenance::year, CellProvenance::value)
                    .containsExactly("3201", 2024, "0.972");
        }
    }

    @Test
    void aFormatOneMapWithAnEditedEntryIsNotIntact() throws Exception {
        try (XSSFWorkbook workbook = fixture()) {
            var sheet = workbook.getSheet(ProvenanceSheet.SHEET_NAME);
            var entry = sheet.getRow(sheet.getLastRowNum()).getCell(0);
            InlineText.set(entry, entry.getStringCellValue().replaceFirst("\"year\":\"20[0-9]{2}\"", "\"year\":\"1999\""));

            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(workbook).orElseThrow();

            assertThat(provenance.isIntact(FIXTURE_KEY)).isFalse();
            assertThat(provenance.tamperedRows(FIXTURE_KEY)).singleElement().extracting(CellProvenance::year).isEqualTo(1999);
        }
    }
}

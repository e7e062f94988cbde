package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import no.kostra.ingest.ImportOptions;
import no.kostra.support.SeededServicesExtension;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A filled workbook is kept per data revision: the same download twice is one fill; an import makes the next one new. */
class ReportDownloadCacheTest {
    private static final String REPORT = "/api/reports/kommunehelse.xlsx?region=3201&year=2024";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    /** The numbers in the Kommunehelse table's first row (the ressursbruksindikator): its years and ASSS figures. */
    private static java.util.List<Double> firstRow(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable table = workbook.getTable("Profil_KHT");
            var row = table.getXSSFSheet().getRow(table.getStartRowIndex() + 1);
            java.util.List<Double> numbers = new java.util.ArrayList<>();
            for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                var cell = row.getCell(c);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    numbers.add(cell.getNumericCellValue());
                }
            }
            return numbers;
        }
    }

    private static byte[] download(int port) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + REPORT)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void theSameDownloadAtOneRevisionIsOneFillAndAnImportMakesTheNextOneNew() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            byte[] first = download(server.port());
            byte[] second = download(server.port());
            assertThat(second).isEqualTo(first);

            seeded.services().importer().importFile("rettelse.csv",
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n".getBytes(StandardCharsets.UTF_8),
                    ImportOptions.defaults());
            byte[] after = download(server.port());

            assertThat(firstRow(first)).contains(0.972).doesNotContain(0.981);
            assertThat(firstRow(after)).contains(0.981).doesNotContain(0.972);
        });
    }
}

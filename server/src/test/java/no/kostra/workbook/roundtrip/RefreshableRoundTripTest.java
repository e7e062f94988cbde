package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.javalin.Javalin;
import no.kostra.ingest.ImportOptions;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.web.App;
import no.kostra.web.Json;
import no.kostra.workbook.powerquery.DataColumn;
import no.kostra.workbook.powerquery.DataTable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refreshable workbook on the round trip (USER-JOURNEYS §3): emailed, edited offline and returned, it is read back as
 * any filled workbook; refreshed first, its figures say which revision they came from, and a refreshed figure is not
 * taken for a correction.
 */
class RefreshableRoundTripTest {
    private static final URI SERVICE = URI.create("https://kostra.baerum.kommune.no");
    private static final String TABLE = "Profil_KHT";
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    private static final String SYKEFRAVAER = "KHT.sykefravaer";
    private static final String COMMENT = "Kommentar fra tjenesteleder";

    private Services services;
    private byte[] refreshable;

    @BeforeEach
    void fillARefreshableKommunehelseWorkbook() {
        services = SeededServices.open();
        refreshable = services.refreshableReports().refreshable(services.reports().fill("kommunehelse", "3201", 2024), SERVICE).xlsx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static byte[] olesEdits(byte[] workbook) throws Exception {
        try (PersonInExcel ole = new PersonInExcel(workbook)) {
            return ole.type(TABLE, SYKEFRAVAER, "2024", 7.1)
                    .type(TABLE, SYKEFRAVAER, COMMENT, "Langtidsfraværet falt etter omorganiseringen i høst")
                    .save();
        }
    }

    private static List<String> decisions(JsonNode report) {
        List<String> out = new java.util.ArrayList<>();
        report.path("decisions").forEach(d -> out.add(d.path("edit").path("kind").asText() + " " + d.path("edit").path("indicator").asText()
                + " " + d.path("edit").path("oldText").asText() + " -> " + d.path("edit").path("newText").asText() + " "
                + d.path("outcome").asText()));
        return out;
    }

    @Test
    void editedOfflineAndReturnedThroughTheRouteItsEditsAreFoundAndNothingElse() throws Exception {
        Javalin app = App.create(services).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.port() + "/api/workbooks?name=kht.xlsx&sender=Ole&region=3201")).POST(HttpRequest.BodyPublishers
                    .ofByteArray(olesEdits(refreshable))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode report = Json.MAPPER.readTree(response.body());
            assertThat(decisions(report)).containsExactlyInAnyOrder(
                    "VALUE KHT.sykefravaer 7.27 -> 7.1 APPLIED",
                    "COMMENT KHT.sykefravaer  -> Langtidsfraværet falt etter omorganiseringen i høst APPLIED");
        } finally {
            app.stop();
        }
    }

    @Test
    void aRefreshedWorkbooksFiguresCarryTheirRevisionAndARefreshedFigureIsNoCorrection() throws Exception {
        long filledAt = services.figures().dataRevision();
        services.importer().importFile("rettelse.csv", "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n"
                .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        long now = services.figures().dataRevision();

        byte[] refreshed = refreshedAsExcelWould(refreshable, TABLE, services.dataTables().profiles("3201", List.of("KHT"), 2024, now));
        UploadReport report = services.roundTrip().receive("kht.xlsx", olesEdits(refreshed), "Ole", "3201", true);

        assertThat(now).isGreaterThan(filledAt);
        assertThat(revisions(refreshed)).containsOnly((double) now).hasSize(17);
        assertThat(report.decisions()).extracting(d -> d.edit().kind() + " " + d.edit().indicator() + " "
                        + d.edit().oldText() + " -> " + d.edit().newText() + " " + d.outcome())
                .containsExactlyInAnyOrder(
                        "VALUE KHT.ressursbruksindikator 0.972 -> 0.981 ALREADY_STORED",
                        "VALUE KHT.sykefravaer 7.27 -> 7.1 APPLIED",
                        "COMMENT KHT.sykefravaer  -> Langtidsfraværet falt etter omorganiseringen i høst APPLIED");
    }

    /** The revision column's values. */
    private static List<Double> revisions(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable table = workbook.getTable(TABLE);
            List<Double> out = new java.util.ArrayList<>();
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                out.add(table.getXSSFSheet().getRow(r).getCell(table.getEndColIndex()).getNumericCellValue());
            }
            return out;
        }
    }

    /**
     * What Excel's refresh writes: every column the query loads (a text, figure or number column of the route that the
     * table shows and holds no formula in) set to the route's rows, in order; formulas, comments and own columns kept.
     */
    private static byte[] refreshedAsExcelWould(byte[] xlsx, String tableName, DataTable answer) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable table = workbook.getTable(tableName);
            Row header = table.getXSSFSheet().getRow(table.getStartRowIndex());
            Map<String, Integer> columns = new HashMap<>();
            for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                columns.put(new DataFormatter().formatCellValue(header.getCell(c)), c);
            }
            for (int i = 0; i < answer.rows().size(); i++) {
                Row row = table.getXSSFSheet().getRow(table.getStartRowIndex() + 1 + i);
                for (int k = 0; k < answer.columns().size(); k++) {
                    DataColumn column = answer.columns().get(k);
                    Integer c = columns.get(column.header());
                    Cell cell = c == null ? null : row.getCell(c);
                    if (!column.kind().loaded() || c == null || cell != null && cell.getCellType() == CellType.FORMULA) {
                        continue;
                    }
                    var style = cell == null ? null : cell.getCellStyle();
                    if (cell != null) {
                        row.removeCell(cell); // POI keeps an inline string's old text beside a new one
                    }
                    Cell loaded = row.createCell(c);
                    if (style != null) {
                        loaded.setCellStyle(style);
                    }
                    Object value = answer.rows().get(i).get(k);
                    if (value instanceof Number n) {
                        loaded.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        loaded.setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

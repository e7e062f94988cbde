package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.web.App;
import no.kostra.web.Json;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A profile added as catalogue data through the import route fills its area's workbook and its place in the summary,
 * with no code and no build: Grunnskole 2018, shaped after 003 (server/src/test/resources/grunnskole/), with 003's
 * Kommunebarometeret places from the seeds (7th of 422 in grunnskole, 33rd overall). The catalogue has Grunnskole
 * (GRS) from 2022 on; the import gives it 003's profile of 2018 and its barometer sector. (An area the catalogue does
 * not have getting a template is ReportTemplatesTest's.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewAreaWorkbookTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Services services;

    @BeforeAll
    void importTheArea() {
        services = SeededServices.open();
        JavalinTest.test(App.create(services), (server, client) -> {
            for (String file : GrunnskoleFixture.CATALOGUE) {
                assertThat(post(client.getOrigin(), "?name=" + file + "&format=catalog", GrunnskoleFixture.bytes(file)).statusCode())
                        .as(file).isEqualTo(201);
            }
            for (String file : GrunnskoleFixture.FIGURES) {
                assertThat(post(client.getOrigin(), "?name=" + file, GrunnskoleFixture.bytes(file)).statusCode()).as(file).isEqualTo(201);
            }
        });
    }

    @AfterAll
    void close() {
        services.close();
    }

    private HttpResponse<String> post(String origin, String query, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin + "/api/imports" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theImportedAreaIsListedAndItsWorkbookDownloads() {
        JavalinTest.test(App.create(services), (server, client) -> {
            JsonNode reports = Json.MAPPER.readTree(client.get("/api/reports").body().string()).path("reports");
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(client.getOrigin()
                    + "/api/reports/grunnskole.xlsx?region=3201&year=2018")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(reports.findValuesAsText("id")).containsExactly("kommunehelse", "pleie-og-omsorg", "barnehage", "grunnskole",
                    "barnevern", "sosiale-tjenester", "samferdsel", "eiendomsforvaltning", "byggesak", "sammendrag");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("KOSTRA%202018%20Grunnskole");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
                assertThat(workbook.getTable("Profil_GRS")).isNotNull();
            }
        });
    }

    @Test
    void itsWorkbookHoldsTheProfileItsChartAndTheBarometerPlaceBesideIt() throws Exception {
        try (FilledWorkbook filled = new FilledWorkbook(services.reports().fill("grunnskole", "3201", 2018).xlsx())) {
            assertThat(filled.column("Profil_GRS", "Id")).containsExactly("GRS.netto_driftsutgifter_per_elev",
                    "GRS.andel_spesialundervisning", "GRS.nasjonale_prover");
            assertThat(filled.cell("Profil_GRS", "GRS.netto_driftsutgifter_per_elev", "2018").getNumericCellValue()).isEqualTo(93000.0);
            assertThat(Shown.text(filled.cell("Profil_GRS", "GRS.andel_spesialundervisning", "Avvik fra ASSS-snitt (%)"))).isEqualTo("-37,0");
            assertThat(filled.chart("Graf_Profil_GRS").getChartSeries().get(0).getSeries(0).getValuesData().getPointCount()).isEqualTo(3);
            // beside the profile (the line under its title) and on the area's barometer sheet
            assertThat(Shown.text(filled.cell("Profil", "B4"))).isEqualTo(
                    "Kommunebarometeret 2019 (KOSTRA-tall for 2018), grunnskole: Bærum er rangert på 7. plass av 422.");
            assertThat(filled.column("Kommunebarometer_GRS", "Kommune")).containsExactly("Bærum");
            assertThat(filled.column("Kommunebarometer_GRS", "Plass")).containsExactly("7");
            assertThat(filled.column("Kommunebarometer_GRS", "Av")).containsExactly("422");
            assertThat(filled.workbook().getSheetName(2)).isEqualTo("Effektivitet");
        }
    }

    @Test
    void theSummaryOf2018CoversTheNewAreaWith003sFindingsAndBarometerPlaces() throws Exception {
        try (FilledWorkbook filled = new FilledWorkbook(services.reports().fill("sammendrag", "3201", 2018).xlsx())) {
            assertThat(filled.column("Oversikt", "Id")).containsExactly("KHT", "PLO", "BHG", "GRS", "BVT", "SOS", "SAM", "EIE", "BYG");
            assertThat(Shown.text(filled.cell("Oversikt", "GRS", "Kommunebarometeret"))).isEqualTo("7 av 422");
            assertThat(Shown.text(filled.cell("Oversikt", "KHT", "Ressursbruksindikator"))).isEqualTo("..");

            List<String> keys = filled.column("Hovedfunn", "Id");
            List<String> findings = filled.column("Hovedfunn", "Funn");
            assertThat(findings.subList(keys.indexOf("GRS|1"), keys.indexOf("GRS|3") + 1)).containsExactly(
                    "Størst avvik fra ASSS-snittet i 2018 har andelen elever med spesialundervisning, 37,0 prosent under ASSS-snittet.",
                    "Kommunebarometeret 2019 (KOSTRA-tall for 2018), grunnskole: Bærum er rangert på 7. plass av 422.",
                    "Deretter følger netto driftsutgifter per elev, 7,0 prosent under ASSS-snittet.");
            assertThat(findings.get(keys.indexOf("KHT|1"))).startsWith("Ingen tjenesteprofil for Kommunehelse i 2018:");
            Set<String> shown = new HashSet<>(Set.of("2018", "2019"));
            shown.addAll(Shown.numbersInRows(filled, "Oversikt", "Id", "GRS"::equals));
            shown.addAll(Shown.numbersInRows(filled, "Sammendrag", "Id", id -> id.startsWith("GRS.")));
            for (String finding : findings.subList(keys.indexOf("GRS|1"), keys.indexOf("GRS|3") + 1)) {
                assertThat(Shown.numbers(finding)).as(finding).isSubsetOf(shown);
            }

            assertThat(filled.column("Kommunebarometer", "Sektor")).containsExactly("Totalt", "Barnehage", "Barnevern",
                    "Grunnskole", "Pleie og omsorg");
            assertThat(filled.column("Kommunebarometer", "Plass")).containsExactly("33", "316", "80", "7", "355");
            assertThat(Shown.text(filled.cell("Kommunebarometeret", "B2"))).isEqualTo("Kommunebarometeret 2019 (KOSTRA-tall for"
                    + " 2018), samlet: Bærum er rangert på 33. plass av 422. På sektorene varierer plasseringene for Bærum fra"
                    + " nummer 7 til nummer 355.");
        }
    }
}

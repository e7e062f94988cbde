package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.kostra.support.SeededServicesExtension;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The report routes on the real app. */
class ReportApiTest {
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @Test
    void listsEveryTemplateWithItsServiceArea() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/reports");

            assertThat(response.code()).isEqualTo(200);
            JsonNode reports = Json.MAPPER.readTree(response.body().string()).path("reports");
            assertThat(reports).hasSize(3);
            assertThat(reports.get(0).path("id").asText()).isEqualTo("kommunehelse");
            assertThat(reports.get(0).path("title").asText()).isEqualTo("Kommunehelse");
            assertThat(reports.get(0).path("area").asText()).isEqualTo("KHT");
            assertThat(reports.get(1).path("profiles").toString()).isEqualTo("[\"PLO\",\"PLO_0_66\",\"PLO_67\",\"PLO_TTU\"]");
        });
    }

    @Test
    void downloadsAFilledWorkbookUnderANameAPersonWouldKeep() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            // The test client reads bodies as text; a workbook is bytes.
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/api/reports/kommunehelse.xlsx?region=3201&year=2024")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(ReportRoutes.XLSX);
            assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; "
                    + "filename=\"KOSTRA 2024 Kommunehelse - Baerum.xlsx\"; "
                    + "filename*=UTF-8''KOSTRA%202024%20Kommunehelse%20-%20B%C3%A6rum.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getTable("Profil_KHT")).isNotNull();
            }
        });
    }

    @Test
    void anUnknownTemplateIsA404NamingTheKnownOnes() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/reports/barnehage.xlsx?region=3201&year=2024");

            assertThat(response.code()).isEqualTo(404);
            JsonNode error = Json.MAPPER.readTree(response.body().string());
            assertThat(error.path("error").asText())
                    .isEqualTo("Fant ikke rapportmalen 'barnehage'; malene er kommunehelse, pleie-og-omsorg og sammendrag.");
            assertThat(error.path("detail").path("known").toString()).contains("kommunehelse");
        });
    }

    @Test
    void aMissingYearIsA400NamingTheParameter() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/reports/kommunehelse.xlsx?region=3201");

            assertThat(response.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body().string()).path("error").asText()).isEqualTo("Parameteren 'year' mangler");
        });
    }

    @Test
    void aYearWithoutFiguresIsA404() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/reports/kommunehelse.xlsx?region=3201&year=2015");

            assertThat(response.code()).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(response.body().string()).path("error").asText()).startsWith("Ingen tall for Bærum");
        });
    }
}

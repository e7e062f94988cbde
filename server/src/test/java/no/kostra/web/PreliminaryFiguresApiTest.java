package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every figure the API answers says its vintage (issue 20, item 11): {@code "vintage": "preliminary"} on SSB's March
 * figures until June's replace them, {@code "final"} on the rest, null where nothing is stored. The workbook and the
 * pane read this field.
 */
class PreliminaryFiguresApiTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    /** Given Bærum's 2024 ressursbruksindikator imported in March as preliminary (0,975; the seeds' other figures are final). */
    private static void marchFigure(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?format=csv&vintage=preliminary&name=mars.csv"))
                .POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;" + RESSURSBRUK + ";2024;0,975\n",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode get(io.javalin.testtools.HttpClient client, String path) throws Exception {
        var response = client.get(path);
        String body = response.body().string();
        assertThat(response.code()).as(body).isEqualTo(200);
        return Json.MAPPER.readTree(body);
    }

    @Test
    void theProfileMarksTheReportYearsPreliminaryFigureAndTheEarlierYearsFinal() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            marchFigure(server.port());

            JsonNode row = get(client, "/api/profile?region=3201&area=KHT&year=2024").at("/profile/rows/0");

            assertThat(row.path("indicator").asText()).isEqualTo(RESSURSBRUK);
            assertThat(row.at("/values/2/value").asDouble()).isEqualTo(0.975);
            assertThat(row.at("/values/2/vintage").asText()).isEqualTo("preliminary");
            assertThat(row.at("/values/1/vintage").asText()).isEqualTo("final");
            assertThat(row.at("/asss/mean/vintage").asText()).isEqualTo("final");
        });
    }

    @Test
    void aWorksheetValueAndTheIndexBuiltOnItArePreliminaryAndAFigureNotStoredHasNoVintage() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            marchFigure(server.port());

            assertThat(get(client, "/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2024").path("vintage").asText())
                    .isEqualTo("preliminary");
            assertThat(get(client, "/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2023").path("vintage").asText())
                    .isEqualTo("final");
            assertThat(get(client, "/api/index?region=3201&indicator=" + RESSURSBRUK + "&year=2024").path("vintage").asText())
                    .isEqualTo("preliminary");
            assertThat(get(client, "/api/asss?indicator=" + RESSURSBRUK + "&year=2024&statistic=snitt").path("vintage").asText())
                    .isEqualTo("final");
            assertThat(get(client, "/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2001").path("vintage").isNull())
                    .isTrue();
        });
    }

    @Test
    void aSeriesAndAComparisonSayWhichOfTheirFiguresArePreliminaryAlsoInCsv() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            marchFigure(server.port());

            JsonNode series = get(client, "/api/series?indicator=" + RESSURSBRUK + "&regions=3201&from=2023&to=2024");
            JsonNode comparison = get(client, "/api/comparison?region=3201&indicator=" + RESSURSBRUK + "&year=2024");

            assertThat(series.at("/series/lines/0/values/0/vintage").asText()).isEqualTo("final");
            assertThat(series.at("/series/lines/0/values/1/vintage").asText()).isEqualTo("preliminary");
            assertThat(comparison.at("/comparison/vintage").asText()).isEqualTo("preliminary");
            assertThat(comparison.at("/comparison/asssVintage").asText()).isEqualTo("final");
            JsonNode asker = get(client, "/api/comparison?region=3201&indicator=KHT.serie_netto_per_innbygger&year=2024")
                    .at("/comparison/others/0");
            assertThat(java.util.List.of(asker.path("code").asText(), asker.path("vintage").asText())).containsExactly("3203", "final");
            String csv = client.get("/api/series?indicator=" + RESSURSBRUK + "&regions=3201&from=2024&to=2024&format=csv")
                    .body().string();
            assertThat(csv.lines().toList()).element(1).asString().startsWith(RESSURSBRUK + ";3201;Bærum;2024;0,975;;preliminary;");
        });
    }
}

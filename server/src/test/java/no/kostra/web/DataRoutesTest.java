package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.kostra.ingest.ImportOptions;
import no.kostra.support.Http;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data routes made for Power Query: each table the service fills as one flat table, under the template's stable
 * headers, numbers as numbers and statuses kept, answered from the response cache and conditionally (ETag → 304).
 * Figures from the seeds' 2025 report (001, Kommunehelse 2024).
 */
class DataRoutesTest {
    private static final String KHT = "/api/data/profile?region=3201&area=KHT&year=2024";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aProfileIsOneRowPerIndicatorUnderTheTemplatesHeadersWithNumbersAsNumbers() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode answer = Http.json(client.get(KHT));

            assertThat(answer.path("table").asText()).isEqualTo("profile");
            assertThat(names(answer.path("columns"))).containsExactly("Id", "Tjenesteområde", "Kategori", "Indikator", "Enhet",
                    "År 1", "År 2", "Rapportår", "ASSS-snitt", "Høyest ASSS", "Lavest ASSS", "Indeks (ASSS = 100)",
                    "Avvik fra ASSS-snitt (%)", "Endring fra året før", "Endring målt i", "Kommunen (ASSS = 100)", "Høyest ASSS (ASSS = 100)",
                    "Lavest ASSS (ASSS = 100)", "Kommentar fra analysen", "Kommentar fra tjenesteleder", "Datarevisjon");
            JsonNode year1 = answer.path("columns").get(5);
            assertThat(year1.path("header").asText()).isEqualTo("2022");
            assertThat(year1.path("kind").asText()).isEqualTo("figure");
            assertThat(answer.path("columns").get(11).path("kind").asText()).isEqualTo("computed");
            assertThat(answer.path("rows")).hasSize(17);
            JsonNode ressursbruk = answer.path("rows").get(0);
            assertThat(ressursbruk.path("Id").asText()).isEqualTo("KHT.ressursbruksindikator");
            assertThat(ressursbruk.path("Tjenesteområde").asText()).isEqualTo("Kommunehelse");
            assertThat(ressursbruk.path("År 1").isNumber()).isTrue();
            assertThat(ressursbruk.path("År 1").asDouble()).isEqualTo(1.016);
            assertThat(ressursbruk.path("År 2").asDouble()).isEqualTo(0.998);
            assertThat(ressursbruk.path("Rapportår").asDouble()).isEqualTo(0.972);
            assertThat(ressursbruk.path("ASSS-snitt").asDouble()).isEqualTo(1.0);
            assertThat(ressursbruk.path("Høyest ASSS").asDouble()).isEqualTo(1.083);
            assertThat(ressursbruk.path("Lavest ASSS").asDouble()).isEqualTo(0.926);
            // 0,972 / 1,000 × 100
            assertThat(ressursbruk.path("Indeks (ASSS = 100)").asDouble()).isEqualTo(97.2);
            assertThat(ressursbruk.path("Endring målt i").asText()).isEqualTo("prosent");
            assertThat(ressursbruk.path("Kommentar fra tjenesteleder").isNull()).isTrue();
            assertThat(ressursbruk.path("Datarevisjon").asLong()).isEqualTo(answer.path("dataRevision").asLong()).isPositive();
        });
    }

    @Test
    void aMissingFigureKeepsItsStatusSymbolAndSoDoesEverythingComputedFromIt() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode rows = Http.json(client.get(KHT)).path("rows");

            JsonNode helsesamtaler = Http.find(rows, "Id", "KHT.andel_helsesamtaler_8_trinn");
            assertThat(helsesamtaler.path("År 1").asText()).isEqualTo("..");
            assertThat(helsesamtaler.path("År 2").asText()).isEqualTo("..");
            assertThat(helsesamtaler.path("Endring fra året før").asText()).isEqualTo("..");
            assertThat(helsesamtaler.path("Rapportår").isNumber()).isTrue();
        });
    }

    @Test
    void severalProfilesMakeTheSummaryTable() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode rows = Http.json(client.get("/api/data/profile?region=3201&area=KHT,PLO&year=2024")).path("rows");

            assertThat(rows).hasSize(17 + 6);
            assertThat(rows.get(0).path("Tjenesteområde").asText()).isEqualTo("Kommunehelse");
            assertThat(rows.get(17).path("Tjenesteområde").asText()).isEqualTo("Pleie og omsorg – alle aldersgrupper");
        });
    }

    @Test
    void anAreasSeriesIsOneRowPerIndicatorAndRegionOverFourYears() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode answer = Http.json(client.get("/api/data/series?region=3201&area=KHT&year=2024"));

            assertThat(names(answer.path("columns"))).containsExactly("Id", "Indikator", "Region", "Enhet", "År 1", "År 2",
                    "År 3", "Rapportår", "Datarevisjon");
            assertThat(answer.path("columns").get(4).path("header").asText()).isEqualTo("2021");
            assertThat(answer.path("rows").size()).isPositive();
            assertThat(answer.path("rows").findValuesAsText("Region")).contains("Bærum", "Asker");
        });
    }

    @Test
    void theEfficiencySplitIsPercentOverAsssAndAnAreaWithoutOneHasNoRows() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode kht = Http.json(client.get("/api/data/efficiency?region=3201&area=KHT&year=2024")).path("rows");
            JsonNode asker = Http.json(client.get("/api/data/efficiency?region=3203&area=KHT&year=2024"));

            // the report year and the year before, which the statement's changes give and its text cites
            assertThat(kht).hasSize(2);
            assertThat(kht.get(0).path("År").asText()).isEqualTo("2023");
            assertThat(kht.get(1).path("År").asText()).isEqualTo("2024");
            // KS: cost index 0,9979 (0,21 % under ASSS) and efficiency 2,1 %, so production (1 + E) × C
            assertThat(kht.get(1).path("Kostnad (% over ASSS)").asDouble()).isEqualTo(-0.21);
            assertThat(kht.get(1).path("Produksjon (% over ASSS)").asDouble()).isEqualTo(1.88559); // (1,021 × 0,9979 − 1) × 100
            assertThat(kht.get(1).path("Effektivitet (%)").asDouble()).isEqualTo(2.1);
            // 2023 holds the same relation: efficiency = (1 + P) / (1 + C) − 1
            JsonNode before = kht.get(0);
            assertThat(before.path("Effektivitet (%)").asDouble()).isCloseTo((1 + before.path("Produksjon (% over ASSS)").asDouble() / 100)
                    / (1 + before.path("Kostnad (% over ASSS)").asDouble() / 100) * 100 - 100, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(asker.path("rows")).isEmpty();
            assertThat(names(asker.path("columns"))).contains("Kostnad (% over ASSS)");
        });
    }

    @Test
    void aCostSplitGivesEachUnitsShareAndTheTotal() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode rows = Http.json(client.get("/api/data/splits?table=netto_hjemmetjenester&function=257%2B258")).path("rows");

            JsonNode oppvekst2024 = null;
            for (JsonNode row : rows) {
                if (row.path("Enhet").asText().equals("A 20 Oppvekst") && row.path("År").asInt() == 2024) {
                    oppvekst2024 = row;
                }
            }
            assertThat(oppvekst2024).isNotNull();
            assertThat(oppvekst2024.path("Mill. kroner").asDouble()).isEqualTo(24.2);
            assertThat(oppvekst2024.path("Andel (%)").asDouble()).isEqualTo(1.232619);
            assertThat(rows.findValuesAsText("Enhet")).contains("Totalt");
        });
    }

    @Test
    void csvIsForNorwegianExcelAndKeepsStatusesAndNegativeNumbers() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            HttpResponse<String> response = get(server.port(), KHT + "&format=csv");
            String[] lines = response.body().split("\r\n");

            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(lines[0]).isEqualTo("\uFEFFId;Tjenesteområde;Kategori;Indikator;Enhet;År 1;År 2;Rapportår;ASSS-snitt;"
                    + "Høyest ASSS;Lavest ASSS;Indeks (ASSS = 100);Avvik fra ASSS-snitt (%);Endring fra året før;Endring målt i;"
                    + "Kommunen (ASSS = 100);Høyest ASSS (ASSS = 100);Lavest ASSS (ASSS = 100);Kommentar fra analysen;Kommentar fra tjenesteleder;"
                    + "Datarevisjon");
            assertThat(lines[1]).startsWith("KHT.ressursbruksindikator;Kommunehelse;Prioritering;"
                    + "Ressursbruksindikator. Kommunehelse*;forholdstall;1,016;0,998;0,972;1;1,083;0,926;97,2;-2,8;-2,60521;prosent;97,2;108,3;92,6;");
            assertThat(List.of(lines)).anyMatch(line -> line.startsWith("KHT.andel_helsesamtaler_8_trinn;") && line.contains(";..;..;"));
        });
    }

    @Test
    void anUnchangedRefreshIsA304WithoutABodyAndAnImportMakesTheNextOneNew() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            HttpResponse<String> first = get(server.port(), KHT);
            String tag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> unchanged = get(server.port(), KHT, "If-None-Match", tag);
            seeded.services().importer().importFile("rettelse.csv",
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n".getBytes(StandardCharsets.UTF_8),
                    ImportOptions.defaults());
            HttpResponse<String> changed = get(server.port(), KHT, "If-None-Match", tag);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(tag).startsWith("W/\"");
            assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.headers().firstValue("ETag")).contains(tag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
            assertThat(Json.MAPPER.readTree(changed.body()).path("rows").get(0).path("Rapportår").asDouble()).isEqualTo(0.981);
        });
    }

    @Test
    void csvAndJsonOfOneTableHaveTheirOwnEntityTags() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            String json = get(server.port(), KHT).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> csv = get(server.port(), KHT, "Accept", "text/csv", "If-None-Match", json);

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(json);
            assertThat(csv.headers().firstValue("Vary").orElseThrow()).contains("Accept");
        });
    }

    @Test
    void theDataRouteAnswersFromTheSameResponseCacheAsTheProfileRoute() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            for (int i = 0; i < 3; i++) {
                client.get(KHT);
            }

            String metrics = client.get("/metrics").body().string();

            assertThat(metrics).contains("cache_gets_total{cache=\"responses\",result=\"hit\"} 2.0",
                    "cache_gets_total{cache=\"responses\",result=\"miss\"} 1.0");
        });
    }

    @Test
    void anUnknownProfileOrAreaIsA404NamingIt() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            var profile = client.get("/api/data/profile?region=3201&area=KHT,BARNEHAGE&year=2024");
            var series = client.get("/api/data/series?region=3201&area=BARNEHAGE&year=2024");

            assertThat(profile.code()).isEqualTo(404);
            assertThat(series.code()).isEqualTo(404);
            assertThat(Http.json(series).path("error").asText()).isEqualTo("Fant ikke tjenesteområde BARNEHAGE");
        });
    }

    @Test
    void aProfileListWithoutAProfileIsA400() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            var response = client.get("/api/data/profile?region=3201&area=,,&year=2024");

            assertThat(response.code()).isEqualTo(400);
            assertThat(Http.json(response).path("error").asText()).isEqualTo("Parameteren 'area' må nevne minst én profil, fikk ',,'");
        });
    }
}

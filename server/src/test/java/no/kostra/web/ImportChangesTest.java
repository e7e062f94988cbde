package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An import says which figures it replaced, before and after with their sources, and lists a figure replaced by one
 * from another source as a conflict (issue 13, item 6): the newer wins, the older stays in the revisions.
 */
class ImportChangesTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static JsonNode post(int port, String name, String csv) throws Exception {
        return post(port, name, csv, "final");
    }

    private static JsonNode post(int port, String name, String csv, String vintage) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/imports?format=csv&vintage=" + vintage + "&name=" + name))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
    }

    private static String csv(String body) {
        assertThat(body).startsWith("\uFEFF");
        return body.substring(1);
    }

    private static String ressursbruk(String value) {
        return "region;indicator;year;value\n3201;" + RESSURSBRUK + ";2024;" + value + "\n";
    }

    @Test
    void aFigureFromAnotherSourceIsListedAsAConflictWithBothValuesAndSources() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given the figure as one source gave it
            JsonNode first = post(server.port(), "kilde-a.csv", ressursbruk("1,121"));
            assertThat(first.path("changes").path(0).path("before").asText()).isEqualTo("0.972");

            // when another source gives it differently
            JsonNode second = post(server.port(), "kilde-b.csv", ressursbruk("1,122"));

            // then the import lists it as changed and as a conflict, with both values and both sources
            assertThat(second.path("changed").asInt()).isEqualTo(1);
            assertThat(second.path("conflictCount").asInt()).isEqualTo(1);
            JsonNode conflict = second.path("conflicts").path(0);
            assertThat(conflict.path("indicator").asText()).isEqualTo(RESSURSBRUK);
            assertThat(conflict.path("region").asText()).isEqualTo("3201");
            assertThat(conflict.path("year").asInt()).isEqualTo(2024);
            assertThat(conflict.path("before").asText()).isEqualTo("1.121");
            assertThat(conflict.path("beforeSource").asText()).isEqualTo("kilde-a.csv");
            assertThat(conflict.path("after").asText()).isEqualTo("1.122");
            assertThat(conflict.path("afterSource").asText()).isEqualTo("kilde-b.csv");
            // and the newer is current while the older stays in the revisions
            JsonNode revisions = Json.MAPPER.readTree(client.get("/api/revisions?region=3201&indicator=" + RESSURSBRUK).body().string());
            assertThat(revisions.path("revisions").findValuesAsText("source")).contains("kilde-a.csv", "kilde-b.csv");
            assertThat(Json.MAPPER.readTree(client.get("/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2024")
                    .body().string()).path("value").asDouble()).isEqualTo(1.122);

            // and the change report can be read again later
            JsonNode kept = Json.MAPPER.readTree(client.get("/api/imports/" + second.path("importId").asLong() + "/changes")
                    .body().string());
            assertThat(kept.path("changes")).hasSize(1);
            assertThat(kept.path("conflicts").path(0).path("before").asText()).isEqualTo("1.121");
        });
    }

    @Test
    void aCorrectionFromTheSameSourceIsAChangeButNoConflict() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            post(server.port(), "kilde-a.csv", ressursbruk("1,121"));

            JsonNode again = post(server.port(), "kilde-a.csv", ressursbruk("1,125"));

            assertThat(again.path("changed").asInt()).isEqualTo(1);
            assertThat(again.path("changes").path(0).path("before").asText()).isEqualTo("1.121");
            assertThat(again.path("changes").path(0).path("after").asText()).isEqualTo("1.125");
            assertThat(again.path("conflictCount").asInt()).isZero();
            assertThat(again.path("conflicts")).isEmpty();
        });
    }

    @Test
    void anUnknownImportHasNoChangeReport() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            assertThat(client.get("/api/imports/999999/changes").code()).isEqualTo(404);
            assertThat(client.get("/api/imports/x/changes").code()).isEqualTo(400);
        });
    }

    @Test
    void aChangeReportSeparatesValueChangesFromFiguresOnlyMadeFinalAndCountsEach() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given two figures imported in March as preliminary
            String march = "region;indicator;year;value\n3201;" + RESSURSBRUK + ";2024;1,121\n0301;" + RESSURSBRUK + ";2024;1,05\n";
            post(server.port(), "mars.csv", march, "preliminary");

            // when June gives one of them unchanged and the other revised, as final
            JsonNode june = post(server.port(), "juni.csv", "region;indicator;year;value\n3201;" + RESSURSBRUK + ";2024;1,121\n0301;"
                    + RESSURSBRUK + ";2024;1,06\n", "final");

            // then the import counts one value change and one figure made final, each listed apart
            assertThat(june.path("changed").asInt()).isEqualTo(1);
            assertThat(june.path("vintageChanged").asInt()).isEqualTo(1);
            assertThat(june.path("summary").asText()).startsWith("1 tall endret, 1 gjort endelige, 0 nye tall, 0 uendret");
            assertThat(june.at("/vintageChanges/0/region").asText()).isEqualTo("3201");
            assertThat(june.at("/vintageChanges/0/before").asText()).isEqualTo("1.121");
            assertThat(june.at("/vintageChanges/0/beforeVintage").asText()).isEqualTo("preliminary");
            assertThat(june.at("/vintageChanges/0/afterVintage").asText()).isEqualTo("final");
            assertThat(june.at("/changes/0/kind").asText()).isEqualTo("value");

            // and the change report read later says the same, as JSON and as CSV
            long id = june.path("importId").asLong();
            JsonNode kept = Json.MAPPER.readTree(client.get("/api/imports/" + id + "/changes").body().string());
            assertThat(List.of(kept.path("changed").asInt(), kept.path("vintageChanged").asInt(), kept.path("conflictCount").asInt()))
                    .containsExactly(1, 1, 1);
            assertThat(kept.at("/changes/0/after").asText()).isEqualTo("1.06");
            var response = client.get("/api/imports/" + id + "/changes?format=csv");
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/csv");
            assertThat(csv(response.body().string()).lines().toList()).containsExactly(
                    "indikator;region;år;statistikk;endring;før;før_årgang;før_kilde;etter;etter_årgang;etter_kilde;konflikt",
                    RESSURSBRUK + ";0301;2024;;verdi;1,05;preliminary;mars.csv;1,06;final;juni.csv;ja",
                    RESSURSBRUK + ";3201;2024;;årgang;1,121;preliminary;mars.csv;1,121;final;juni.csv;nei");
        });
    }

    @Test
    void theImportsAreListedNewestFirstAPageAtATime() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            long first = post(server.port(), "en.csv", ressursbruk("1,121")).path("importId").asLong();
            long second = post(server.port(), "to.csv", ressursbruk("1,122")).path("importId").asLong();
            long third = post(server.port(), "tre.csv", ressursbruk("1,122")).path("importId").asLong();

            JsonNode page = Json.MAPPER.readTree(client.get("/api/imports?limit=2").body().string());

            assertThat(page.path("imports").findValuesAsText("id")).containsExactly(String.valueOf(third), String.valueOf(second));
            assertThat(page.at("/imports/0/file").asText()).isEqualTo("tre.csv");
            assertThat(page.at("/imports/0/unchanged").asInt()).isEqualTo(1);
            assertThat(page.at("/imports/1/changed").asInt()).isEqualTo(1);
            assertThat(page.at("/imports/1/importedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            JsonNode next = Json.MAPPER.readTree(client.get(page.path("next").asText()).body().string());
            assertThat(next.at("/imports/0/id").asLong()).isEqualTo(first);
            String csv = csv(client.get("/api/imports?limit=1&format=csv").body().string());
            assertThat(csv.lines().toList()).hasSize(2).first().asString()
                    .isEqualTo("import;type;fil;årgang;importert;lest;nye;endret;gjort_endelige;uendret;avvist;datarevisjon");
            assertThat(client.get("/api/imports?limit=0").code()).isEqualTo(400);
            assertThat(client.get("/api/imports?before=x").code()).isEqualTo(400);
        });
    }

    @Test
    void eachRevisionSaysWhenAndByWhichImportItWasStoredAlsoAsCsv() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            long id = post(server.port(), "kilde-a.csv", ressursbruk("1,121")).path("importId").asLong();

            JsonNode revisions = Json.MAPPER.readTree(client.get("/api/revisions?region=3201&indicator=" + RESSURSBRUK).body().string());

            JsonNode newest = revisions.path("revisions").path(revisions.path("revisions").size() - 1);
            assertThat(newest.path("importId").asLong()).isEqualTo(id);
            assertThat(newest.path("importName").asText()).isEqualTo("kilde-a.csv");
            assertThat(newest.path("importedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            List<String> csv = csv(client.get("/api/revisions?region=3201&indicator=" + RESSURSBRUK + "&format=csv").body().string())
                    .lines().toList();
            assertThat(csv.get(0)).isEqualTo("indikator;region;år;revisjon;rapportert_kode;verdi;status;årgang;kilde;import;importnavn;importert");
            assertThat(csv.get(csv.size() - 1)).startsWith(RESSURSBRUK + ";3201;2024;2;3201;1,121;;final;kilde-a.csv;" + id + ";kilde-a.csv;");
        });
    }
}

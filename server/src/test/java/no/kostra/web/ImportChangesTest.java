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
 * An import says which figures it replaced, before and after with their sources, and lists a figure replaced by one
 * from another source as a conflict (issue 13, item 6): the newer wins, the older stays in the revisions.
 */
class ImportChangesTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static JsonNode post(int port, String name, String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/imports?format=csv&name=" + name))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
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
}

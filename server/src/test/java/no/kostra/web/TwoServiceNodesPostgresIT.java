package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * Two service nodes on one PostgreSQL database, each behind its own HTTP port: a figure imported through one is what
 * the other serves at its very next request, although the other had answered (and cached) the old figure just before.
 */
class TwoServiceNodesPostgresIT {
    private static final String VALUE_ROUTE = "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anImportThroughOneNodeIsServedByTheOtherAtOnce() throws Exception {
        DatabaseSettings settings = EmptyPostgres.require();
        try (Services a = Services.open(settings, SeededServices.CLOCK); Services b = Services.open(settings, SeededServices.CLOCK)) {
            a.loadSeeds(SeedFiles.fromClasspath());
            Javalin nodeA = App.create(a).start("127.0.0.1", 0);
            Javalin nodeB = App.create(b).start("127.0.0.1", 0);
            try {
                // given node B has answered the stored figure (and so cached it)
                JsonNode before = get(nodeB, VALUE_ROUTE);
                assertThat(before.path("value").asDouble()).isEqualTo(0.972);

                // when a new figure is imported through node A
                HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(origin(nodeA) + "/api/imports?format=csv&name=tall.csv"))
                        .POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,987\n",
                                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

                // then node B serves it at its next request, stamped with the import's revision
                JsonNode after = get(nodeB, VALUE_ROUTE);
                assertThat(after.path("value").asDouble()).isEqualTo(0.987);
                assertThat(after.path("dataRevision").asLong())
                        .isEqualTo(Json.MAPPER.readTree(imported.body()).path("dataRevision").asLong())
                        .isGreaterThan(before.path("dataRevision").asLong());
            } finally {
                nodeA.stop();
                nodeB.stop();
            }
        }
    }

    private JsonNode get(Javalin node, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(origin(node) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static String origin(Javalin node) {
        return "http://127.0.0.1:" + node.port();
    }
}

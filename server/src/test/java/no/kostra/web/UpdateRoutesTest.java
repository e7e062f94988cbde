package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import no.kostra.bench.LocalStatBank;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateRoutesTest {
    private final Services services = Services.open(DatabaseSettings.inMemory("update-routes-" + System.nanoTime()),
            Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC));
    private final LocalStatBank bank = new LocalStatBank(UpdateRoutesTest::recorded);
    private final HttpClient http = HttpClient.newHttpClient();

    UpdateRoutesTest() throws Exception {
        services.loadSeeds(SeedFiles.fromClasspath());
        System.setProperty("kostra.ssb.url", bank.v2().toString());
    }

    @AfterEach
    void close() {
        System.clearProperty("kostra.ssb.url");
        bank.close();
        services.close();
    }

    private static Optional<ObjectNode> recorded(String table) {
        try (InputStream in = UpdateRoutesTest.class.getResourceAsStream("/ingest/ssb/update/" + table + "-data.json")) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) Json.MAPPER.readTree(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String origin, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin + "/api/updates" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for the update's state until it is no longer queued or running (or gives up after many tries). */
    private static JsonNode finished(io.javalin.testtools.HttpClient client, String id) throws Exception {
        JsonNode state = null;
        for (int i = 0; i < 600; i++) {
            state = Json.MAPPER.readTree(client.get("/api/updates/" + id).body().string());
            if (!state.get("status").asText().matches("queued|running")) {
                return state;
            }
            Thread.sleep(50);
        }
        return state;
    }

    @Test
    void anUpdateAnswers202ThenShowsProgressPerTableThenTheSummary() {
        CountDownLatch release = new CountDownLatch(1);
        bank.holdData("12367", release);
        JavalinTest.test(App.create(services), (server, client) -> {
            HttpResponse<String> started = post(client.getOrigin(), "?year=2025&vintage=preliminary");

            assertThat(started.statusCode()).isEqualTo(202);
            String id = Json.MAPPER.readTree(started.body()).get("id").asText();
            assertThat(started.headers().firstValue("Location")).contains("/api/updates/" + id);
            JsonNode midway = null;
            for (int i = 0; i < 600; i++) {
                midway = Json.MAPPER.readTree(client.get("/api/updates/" + id).body().string());
                if (midway.get("tables").size() == 8) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(midway.get("status").asText()).isEqualTo("running");
            assertThat(midway.at("/tables/0/table").asText()).isEqualTo("07459");
            assertThat(midway.at("/tables/0/percent").asInt()).isEqualTo(100);
            assertThat(midway.at("/tables/7/table").asText()).isEqualTo("12367");
            assertThat(midway.at("/tables/7/percent").asInt()).isZero();
            assertThat(midway.get("percent").asInt()).isEqualTo(77);
            assertThat(midway.get("summary").isNull()).isTrue();

            release.countDown();
            JsonNode done = finished(client, id);

            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
            assertThat(done.get("percent").asInt()).isEqualTo(100);
            assertThat(done.at("/summary/year").asInt()).isEqualTo(2025);
            assertThat(done.at("/summary/vintage").asText()).isEqualTo("preliminary");
            assertThat(done.at("/summary/added").asInt()).isPositive();
            assertThat(done.at("/summary/report/importId").asLong()).isEqualTo(done.at("/summary/importId").asLong());
        });
    }

    @Test
    void anUpdateThatStopsSaysWhyInBokmalAndAnUnknownIdIs404() {
        bank.replaceData("12292", "{\"version\":\"2.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JavalinTest.test(App.create(services), (server, client) -> {
            long revision = services.figures().dataRevision();
            String id = Json.MAPPER.readTree(post(client.getOrigin(), "?year=2025").body()).get("id").asText();

            JsonNode failed = finished(client, id);

            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("error").asText()).startsWith("ssb-12292-1.json");
            assertThat(services.figures().dataRevision()).isEqualTo(revision);
            assertThat(client.get("/api/updates/finnes-ikke").code()).isEqualTo(404);
            assertThat(post(client.getOrigin(), "?year=tjuetjuefem").statusCode()).isEqualTo(400);
            assertThat(post(client.getOrigin(), "?year=2025&vintage=mars").statusCode()).isEqualTo(400);
        });
    }
}

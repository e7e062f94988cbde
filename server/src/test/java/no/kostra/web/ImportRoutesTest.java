package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportRoutesTest {
    private final Services services = Services.open(DatabaseSettings.inMemory("import-routes-" + System.nanoTime()),
            Clock.fixed(Instant.parse("2025-06-20T10:00:00Z"), ZoneOffset.UTC));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        services.close();
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = ImportRoutesTest.class.getResourceAsStream("/ingest/" + path)) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<String> post(String origin, String query, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + "/api/imports" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) throws IOException {
        return Json.MAPPER.readTree(body);
    }

    @Test
    void anUploadedCsvShowsInTheProfileAtOnceAndUploadingItAgainChangesNothing() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            assertThat(json(client.get("/api/profile?region=3201&area=KHT&year=2024").body().string())
                    .at("/profile/rows/0/values/2/value").asDouble()).isEqualTo(0.972);

            HttpResponse<String> first = post(client.getOrigin(), "?name=kht-2024.csv", "text/csv", fixture("good/kht-2024.csv"));

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(json(first.body()).get("changed").asInt()).isEqualTo(3);
            JsonNode profile = json(client.get("/api/profile?region=3201&area=KHT&year=2024").body().string());
            assertThat(profile.get("dataRevision").asLong()).isEqualTo(json(first.body()).get("dataRevision").asLong());
            assertThat(profile.at("/profile/rows/0/values/2/value").asDouble()).isEqualTo(0.975);

            HttpResponse<String> again = post(client.getOrigin(), "?name=kht-2024.csv", null, fixture("good/kht-2024.csv"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again.body()).get("changed").asInt()).isZero();
            assertThat(json(again.body()).get("unchanged").asInt()).isEqualTo(5);
        });
    }

    @Test
    void aJsonStatUploadIsToldByItsFirstBytes() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            HttpResponse<String> response = post(client.getOrigin(), "", null, fixture("good/kht-2024.json"));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response.body()).get("format").asText()).isEqualTo("json-stat");
            assertThat(json(response.body()).get("file").asText()).isEqualTo("opplastet fil");
        });
    }

    @Test
    void anUploadWithImplausibleFiguresIsHeldWith422NamingEachAndStoredOnlyWhenConfirmed() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            long revision = services.figures().dataRevision();

            HttpResponse<String> held = post(client.getOrigin(), "?name=outliers.csv", "text/csv", fixture("good/outliers.csv"));

            assertThat(held.statusCode()).isEqualTo(422);
            JsonNode error = json(held.body());
            assertThat(error.get("error").asText()).startsWith("outliers.csv: 3 tall ser usannsynlige ut");
            assertThat(error.at("/detail/outlierCount").asInt()).isEqualTo(3);
            assertThat(error.at("/detail/outliers/2/where").asText()).isEqualTo("outliers.csv linje 2, kolonne value");
            assertThat(error.at("/detail/outliers/2/reason").asText()).isEqualTo("KHT.sykefravaer er i prosent, og 171,5 er utenfor 0–100");
            assertThat(error.at("/detail/report/changed").asInt()).isEqualTo(4);
            assertThat(services.figures().dataRevision()).isEqualTo(revision);

            HttpResponse<String> confirmed = post(client.getOrigin(), "?name=outliers.csv&acceptOutliers=true", "text/csv",
                    fixture("good/outliers.csv"));

            assertThat(confirmed.statusCode()).isEqualTo(201);
            assertThat(json(confirmed.body()).get("outlierCount").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aDryRunUploadAnswers200WithTheReportItWouldGiveAndStoresNothing() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            long revision = services.figures().dataRevision();

            HttpResponse<String> dry = post(client.getOrigin(), "?name=kht-2024.csv&dryRun=true", "text/csv", fixture("good/kht-2024.csv"));

            assertThat(dry.statusCode()).isEqualTo(200);
            JsonNode report = json(dry.body());
            assertThat(report.get("dryRun").asBoolean()).isTrue();
            assertThat(report.get("importId").isNull()).isTrue();
            assertThat(report.get("changed").asInt()).isEqualTo(3);
            assertThat(report.get("summary").asText()).startsWith("Prøvekjøring, ingenting er lagret: 3 tall ville blitt endret");
            assertThat(services.figures().dataRevision()).isEqualTo(revision);
            assertThat(json(client.get("/api/profile?region=3201&area=KHT&year=2024").body().string())
                    .at("/profile/rows/0/values/2/value").asDouble()).isEqualTo(0.972);
            assertThat(post(client.getOrigin(), "?dryRun=kanskje", "text/csv", fixture("good/kht-2024.csv")).statusCode())
                    .isEqualTo(400);
        });
    }

    @Test
    void aBadUploadAnswers400NamingTheProblemAndTheRevisionStays() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            long revision = services.figures().dataRevision();

            HttpResponse<String> response = post(client.getOrigin(), "?name=csv-unknown-region.csv&format=csv", null,
                    fixture("bad/csv-unknown-region.csv"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).get("error").asText()).startsWith("csv-unknown-region.csv linje 3, kolonne region:"
                    + " ukjent regionkode '9999'");
            assertThat(json(response.body()).at("/detail/field").asText()).isEqualTo("region");
            assertThat(services.figures().dataRevision()).isEqualTo(revision);
        });
    }

    @Test
    void theBaerumSeriesJoinsBothMunicipalityNumbersFrom2021To2024() {
        services.loadSeeds(SeedFiles.fromClasspath());
        JavalinTest.test(App.create(services), (server, client) -> {
            JsonNode series = json(client.get("/api/revisions?region=3024&indicator=KHT.serie_lege_arsverk").body().string());

            assertThat(series.at("/region/code").asText()).isEqualTo("3201");
            assertThat(series.get("revisions").findValuesAsText("year")).containsExactly("2021", "2022", "2023", "2024");
            assertThat(series.get("revisions").findValuesAsText("reportedCode")).containsExactly("3024", "3024", "3024", "3201");
        });
    }
}

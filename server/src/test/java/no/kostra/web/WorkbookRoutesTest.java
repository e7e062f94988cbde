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

class WorkbookRoutesTest {
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static HttpResponse<String> post(int port, String query, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/workbooks" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnchangedWorkbookUploadedAsADryRunHasNoEditsAndIsNotKept() {
        byte[] filled = SEEDED.services().reports().fill("kommunehelse", "3201", 2024).xlsx();
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            HttpResponse<String> response = post(server.port(), "?dryRun=true&name=kht.xlsx&sender=Ole&region=3024", filled);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = Json.MAPPER.readTree(response.body());
            assertThat(report.path("dryRun").asBoolean()).isTrue();
            assertThat(report.path("counts").path("edits").asInt()).isZero();
            assertThat(report.path("header").path("templateId").asText()).isEqualTo("kommunehelse");
            assertThat(report.path("uploadId").isNull()).isTrue();
        });
    }

    @Test
    void aRenamedCsvIsA400ThatSaysWhy() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            HttpResponse<String> response = post(server.port(), "?name=tall.xlsx", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).path("error").asText())
                    .isEqualTo("tall.xlsx: filen er ikke en xlsx-arbeidsbok (den begynner ikke som en ZIP-pakke)");
        });
    }

    @Test
    void anUnknownUploadIsA404() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            assertThat(client.get("/api/workbooks/999").code()).isEqualTo(404);
            assertThat(client.get("/api/workbooks/abc").code()).isEqualTo(404);
            assertThat(client.get("/api/workbooks/ab%20c").code()).isEqualTo(400);
        });
    }

    @Test
    void anUploadOverTheSizeLimitIsA413AndNothingIsRead() {
        long revision = SEEDED.services().figures().dataRevision();
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            HttpResponse<String> response = post(server.port(), "?name=stor.xlsx", new byte[(int) App.MAX_REQUEST_BYTES + 1]);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).isEqualTo("Forespørselen er for stor: høyst 20 MB");
        });
        assertThat(SEEDED.services().figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void aKeptUploadIsReachedOnlyByAnIdNobodyCanCount() {
        byte[] filled = SEEDED.services().reports().fill("kommunehelse", "3201", 2024).xlsx();
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            HttpResponse<String> response = post(server.port(), "?name=kht.xlsx&sender=Ole&region=3201", filled);

            assertThat(response.statusCode()).isEqualTo(201);
            String id = Json.MAPPER.readTree(response.body()).path("uploadId").asText();
            assertThat(id).matches("[A-Za-z0-9_-]{22}");
            assertThat(client.get("/api/workbooks/" + id + "/file").code()).isEqualTo(200);
            for (int counted = 0; counted < 5; counted++) {
                assertThat(client.get("/api/workbooks/" + counted + "/file").code()).isEqualTo(404);
                assertThat(client.get("/api/workbooks/" + counted).code()).isEqualTo(404);
            }
        });
    }
}

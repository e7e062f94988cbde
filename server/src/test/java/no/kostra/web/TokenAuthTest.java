package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.kostra.auth.ApiTokens;
import no.kostra.auth.Role;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --auth tokens} as the deployment issue will check it: anonymous and bogus tokens are 401, a reader reads
 * and downloads but may not import, an editor changes only its own municipality, an admin imports and the audit log
 * names it; no token is stored in clear text.
 */
class TokenAuthTest {
    @TempDir
    Path dir;
    Services services;
    Javalin app;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startWithTokens() {
        services = Services.openSeeded(DatabaseSettings.embedded(dir.resolve("data")), SeededServices.CLOCK);
        app = App.create(services, new WebSettings(Optional.empty(), Optional.empty()).withTokens(true)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        services.close();
    }

    private String token(String name, Role role, String... municipalities) {
        return services.apiTokens().create(name, role, java.util.Set.of(municipalities), 30).token();
    }

    private HttpResponse<byte[]> send(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static final String PROFILE = "/api/profile?region=3201&area=KHT&year=2024";
    private static final byte[] CSV = "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutAValidTokenOnlyHealthAndTheAddinsFilesAnswer() throws Exception {
        HttpResponse<byte[]> anonymous = send("GET", PROFILE, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json(anonymous).path("error").asText()).startsWith("Innlogging kreves");
        assertThat(send("GET", PROFILE, "kostra_bogus", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", PROFILE, "not-even-ours", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/addin/manifest.xml", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aReaderReadsAndDownloadsButMayNotImport() throws Exception {
        String reader = token("lesing", Role.READER);

        assertThat(send("GET", PROFILE, reader, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/reports/kommunehelse.xlsx?region=3201&year=2024", reader, null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> refused = send("POST", "/api/imports?format=csv&name=tall.csv", reader, CSV);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").asText()).isEqualTo("Tokenet 'lesing' har rollen reader; dette krever admin");
    }

    @Test
    void anEditorReturnsWorkbooksOnlyForItsOwnMunicipality() throws Exception {
        byte[] baerum = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        String oslo = token("redaktør Oslo", Role.EDITOR, "0301");
        String baerumEditor = token("redaktør Bærum", Role.EDITOR, "3201");

        HttpResponse<byte[]> refused = send("POST", "/api/workbooks?name=kht.xlsx", oslo, baerum);
        HttpResponse<byte[]> accepted = send("POST", "/api/workbooks?name=kht.xlsx", baerumEditor, baerum);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").asText()).isEqualTo("Tokenet 'redaktør Oslo' kan bare endre tall for Oslo (0301);"
                + " arbeidsboken gjelder Bærum (3201)");
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/imports?format=csv&name=tall.csv", baerumEditor, CSV).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminImportsAndTheAuditLogNamesItsToken() throws Exception {
        String admin = token("admin Kari", Role.ADMIN);

        assertThat(send("POST", "/api/imports?format=csv&name=tall.csv", admin, CSV).statusCode()).isEqualTo(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode audit = json(send("GET", "/api/audit?from=" + today + "&to=" + today, admin, null));

        assertThat(audit.path("entries").findValuesAsText("actor")).contains("admin Kari");
        JsonNode entry = Stream.of(audit.path("entries")).flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .filter(e -> e.path("actor").asText().equals("admin Kari")).findFirst().orElseThrow();
        assertThat(entry.path("action").asText()).isEqualTo("POST /api/imports?format=csv&name=tall.csv");
        assertThat(entry.path("address").asText()).isEqualTo("127.0.0.1");
        String reader = token("lesing", Role.READER);
        assertThat(send("GET", "/api/audit?from=" + today + "&to=" + today, reader, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/metrics", reader, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/metrics", admin, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefusedAndNoTokenIsStoredInClearText() throws Exception {
        String admin = token("admin Kari", Role.ADMIN);
        assertThat(send("GET", PROFILE, admin, null).statusCode()).isEqualTo(200);
        services.apiTokens().revoke("admin Kari");

        assertThat(send("GET", PROFILE, admin, null).statusCode()).isEqualTo(401);
        List<ApiTokens.Listed> listed = services.apiTokens().list();
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.prefix()).isEqualTo(admin.substring(0, t.prefix().length())).startsWith("kostra_");
            assertThat(t.revokedAt()).isNotNull();
            assertThat(t.lastUsedAt()).isNotNull();
        });
        app.stop();
        services.close();
        String secretPart = admin.substring(listed.get(0).prefix().length());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secretPart);
            }
        }
        services = Services.openSeeded(DatabaseSettings.embedded(dir.resolve("data")), SeededServices.CLOCK);
        app = App.create(services).start("127.0.0.1", 0);
    }

    @Test
    void anEditorOfBaerumReturningAWorkbookThatChangesAskersFigureIsRefusedWholeWithTheCellListed() throws Exception {
        // given Bærum's workbook with Bærum's and Asker's 2024 figures changed on the series sheet
        byte[] filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        String series = "KHT.serie_netto_per_innbygger";
        byte[] returned = no.kostra.workbook.roundtrip.WriteRightsFixture.typed(filled,
                java.util.Map.of(series + "|3201|2024", 4300.0, series + "|3203|2024", 9999.0));
        String askerCell = no.kostra.workbook.roundtrip.WriteRightsFixture.where(filled, series + "|3203|2024");
        long revision = services.figures().dataRevision();
        String editor = token("redaktør Bærum", Role.EDITOR, "3024");

        // when Bærum's editor sends it
        HttpResponse<byte[]> refused = send("POST", "/api/workbooks?name=kht.xlsx&sender=Ole", editor, returned);

        // then it is refused whole, naming Asker's cell, and nothing is stored
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = json(refused);
        assertThat(body.path("error").asText()).contains("kan bare endre tall for Bærum (3201)", askerCell + " (Asker, 3203)",
                "Ingenting i arbeidsboken er lagret");
        assertThat(body.path("detail").path("cells").findValuesAsText("cell")).containsExactly(askerCell);
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void anEditorMayNotWriteThroughTheAdminsWritePaths() throws Exception {
        String editor = token("redaktør Bærum", Role.EDITOR, "3201");
        byte[] reference = "region;indicator;year;value\n3203;KHT.ressursbruksindikator;2024;0,9\n".getBytes(StandardCharsets.UTF_8);

        assertThat(send("POST", "/api/imports?format=csv&name=asker.csv", editor, reference).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/imports?format=csv&name=baerum.csv", editor, CSV).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/updates?year=2024", editor, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/reference/befolkning.csv", editor, reference).statusCode()).isEqualTo(403);
    }

    @Test
    void theSignedInCallerIsTheRecordedSourceAndTheFreeTextSenderOnlyANote() throws Exception {
        // given Bærum's editor returns a corrected workbook saying it comes from "Rådmann"
        byte[] filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        byte[] returned = no.kostra.workbook.roundtrip.WriteRightsFixture.typed(filled,
                java.util.Map.of("KHT.ressursbruksindikator|3201|2024", 0.975));
        String editor = token("Kari, økonomi", Role.EDITOR, "3201");

        JsonNode report = json(send("POST", "/api/workbooks?name=kht.xlsx&sender=R%C3%A5dmann", editor, returned));

        // then the figure's source names Kari, and Rådmann is a note beside it
        JsonNode upload = json(send("GET", "/api/workbooks/" + report.path("uploadId").asText(), editor, null));
        assertThat(upload.path("header").path("sender").asText()).isEqualTo("Kari, økonomi");
        assertThat(upload.path("header").path("senderNote").asText()).isEqualTo("Rådmann");
        JsonNode revisions = json(send("GET", "/api/revisions?region=3201&indicator=KHT.ressursbruksindikator", editor, null))
                .path("revisions");
        JsonNode newest = revisions.get(revisions.size() - 1);
        assertThat(newest.path("value").asDouble()).isEqualTo(0.975);
        assertThat(newest.path("source").asText()).isEqualTo("kht.xlsx (Kari, økonomi)");
    }
}

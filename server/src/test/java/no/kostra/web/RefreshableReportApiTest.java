package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.kostra.support.Http;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/reports/{id}.xlsx?refreshable=true}: the workbook's queries call the service it was downloaded from. */
class RefreshableReportApiTest {
    private static final String REPORT = "/api/reports/kommunehelse.xlsx?region=3201&year=2024";

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static byte[] download(int port, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Every part's text, one after the other; the DataMashup's base64 decoded to its Section1.m. */
    private static String text(byte[] xlsx) throws Exception {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                all.append("\n== ").append(e.getName()).append('\n');
                if (e.getName().startsWith("customXml/item") && !e.getName().contains("Props")) {
                    String xml = new String(bytes, StandardCharsets.UTF_16LE);
                    String base64 = xml.substring(xml.indexOf("\">") + 2, xml.indexOf("</DataMashup>"));
                    all.append(new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1));
                } else {
                    all.append(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    @Test
    void aRefreshableWorkbooksQueriesCallTheAddressItWasDownloadedFrom() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            String parts = text(download(server.port(), REPORT + "&refreshable=true"));

            assertThat(parts).contains("== xl/connections.xml", "Provider=Microsoft.Mashup.OleDb.1",
                    "Web.Contents(\"http://localhost:" + server.port() + "\", [RelativePath = \"api/data/profile\"");
        });
    }

    @Test
    void withAPublicAddressTheQueriesCallThatAddress() throws Exception {
        Javalin app = App.create(SEEDED.services(), new WebSettings(Optional.of(URI.create("https://kostra.baerum.kommune.no")),
                Optional.empty())).start("127.0.0.1", 0);
        try {
            String parts = text(download(app.port(), REPORT + "&refreshable=true"));

            assertThat(parts).contains("Web.Contents(\"https://kostra.baerum.kommune.no\", [RelativePath = \"api/data/profile\"");
        } finally {
            app.stop();
        }
    }

    @Test
    void aPlainDownloadHasNoQuery() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            String parts = text(download(server.port(), REPORT));

            assertThat(parts).doesNotContain("== xl/connections.xml", "DataMashup", "queryTable");
        });
    }

    @Test
    void refreshableIsTrueOrFalse() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            var response = client.get(REPORT + "&refreshable=ja");

            assertThat(response.code()).isEqualTo(400);
            assertThat(Http.json(response).path("error").asText()).isEqualTo("Parameteren 'refreshable' må være true eller false, fikk 'ja'");
        });
    }
}

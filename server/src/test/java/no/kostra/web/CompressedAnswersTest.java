package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cached answers are kept gzipped too, and a client that accepts gzip gets those bytes, never a stale copy. */
class CompressedAnswersTest {
    private static final String PROFILE = "/api/profile?region=3201&area=KHT&year=2024";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = App.create(seeded.services()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aClientAcceptingGzipGetsTheSameAnswerCompressedOnce() throws Exception {
        HttpResponse<byte[]> plain = get(PROFILE, null);
        HttpResponse<byte[]> gzipped = get(PROFILE, "gzip, deflate, br");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
    }

    @Test
    void theCompressedAnswerFollowsAnImportAtOnce() throws Exception {
        String before = gunzip(get(PROFILE, "gzip").body());
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/imports?format=csv&name=ny.csv"))
                .POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n"))
                .build(), HttpResponse.BodyHandlers.ofString());

        String after = gunzip(get(PROFILE, "gzip").body());

        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(before).contains("\"value\":0.972");
        assertThat(after).contains("\"value\":0.981").doesNotContain("\"value\":0.972");
    }

    @Test
    void gzipIsSentOnlyWhereTheClientAcceptsIt() {
        assertThat(CachedBody.acceptsGzip("gzip")).isTrue();
        assertThat(CachedBody.acceptsGzip("br, gzip;q=0.5")).isTrue();
        assertThat(CachedBody.acceptsGzip("*")).isTrue();
        assertThat(CachedBody.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedBody.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(CachedBody.acceptsGzip("identity, br")).isFalse();
        assertThat(CachedBody.acceptsGzip(null)).isFalse();
    }
}

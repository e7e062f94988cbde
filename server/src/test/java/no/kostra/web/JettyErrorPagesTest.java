package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import no.kostra.support.RawHttp;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before any route sees them get the service's JSON error body and security headers, like
 * every route's errors (issue 12: they were Jetty's HTML pages).
 */
class JettyErrorPagesTest {
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = App.create(SEEDED.services()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static Stream<Arguments> refusedByJetty() {
        return Stream.of(
                Arguments.of("a URI of 20 KB", "GET /api/health?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
                Arguments.of("headers of 64 KB", "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64_000) + "\r\n\r\n", 431),
                Arguments.of("a garbage request line", "HELLO THERE\r\n\r\n", 505),
                Arguments.of("a bad header line", "GET /api/health HTTP/1.1\r\nHost x\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByJetty")
    void jettysOwnRefusalIsTheServicesJsonErrorWithItsSecurityHeaders(String what, String request, int status) throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            response = all.toString(StandardCharsets.UTF_8);
        } catch (java.net.SocketException resetAfterAnswer) {
            throw new AssertionError(what + ": the connection was reset before an answer", resetAfterAnswer);
        }

        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(what).startsWith("http/1.1 " + status);
        assertThat(head).contains("content-type: application/json", "x-content-type-options: nosniff");
        JsonNode error = Json.MAPPER.readTree(body.contains("{") ? body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1) : body);
        assertThat(error.path("error").asText()).isNotBlank().isEqualTo(JsonErrorHandler.message(status));
        assertThat(head).containsPattern("x-request-id: [0-9a-f]{16}");
        assertThat(error.path("requestId").asText()).isEqualTo(head.replaceAll("(?s).*x-request-id: ([0-9a-f]{16}).*", "$1"));
    }

    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                Arguments.of("/api/workbooks?name=kht.xlsx", "Transfer-Encoding: chunked\r\n", "ZZ\r\nPK\r\n0\r\n\r\n"),
                Arguments.of("/api/imports?format=csv&name=t.csv", "Transfer-Encoding: chunked\r\n", "ZZ\r\nregion\r\n0\r\n\r\n"),
                Arguments.of("/api/workbooks?name=kht.xlsx", "Content-Length: 5000\r\n", "PK\u0003\u0004 only the start"),
                Arguments.of("/api/imports?format=csv&name=t.csv", "Content-Length: 5000\r\n", "region;indicator;year;value\n3201;"),
                Arguments.of("/api/reference/befolkning.csv", "Transfer-Encoding: chunked\r\n", "10\r\nregion;indic"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenBodies")
    void aBodyThatIsMalformedOrCutShortIs400AndChangesNothing(String path, String framing, String body) throws Exception {
        long revision = SEEDED.services().figures().dataRevision();

        RawHttp.Answer answer = RawHttp.send(app.port(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + framing
                + "Content-Type: application/octet-stream\r\n\r\n" + body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(answer.json());
        assertThat(error.path("error").asText()).isEqualTo("Forespørselen kom ikke fram hel (innholdet var avkortet eller"
                + " feil kodet); send den på nytt");
        assertThat(error.path("requestId").asText()).isEqualTo(answer.header("x-request-id")).isNotBlank();
        assertThat(SEEDED.services().figures().dataRevision()).isEqualTo(revision);
    }
}

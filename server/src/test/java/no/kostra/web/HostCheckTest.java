package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import no.kostra.support.RawHttp;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding (issue 20, item 3): a page on attacker.example whose name the attacker points at 127.0.0.1 reaches the
 * service with {@code Host: attacker.example:PORT} and a matching Origin. The service answers only the names it is
 * reached by: loopback names, the public address's host, and hosts the operator lists; anything else is 421 on every
 * route.
 */
class HostCheckTest {
    private static final String CSV = "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private Javalin app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private Javalin start(WebSettings settings) {
        app = App.create(seeded.services(), settings).start("127.0.0.1", 0);
        return app;
    }

    private RawHttp.Answer get(String host, String path) throws Exception {
        return RawHttp.send(app.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private RawHttp.Answer importAs(String host) throws Exception {
        byte[] body = CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return RawHttp.send(app.port(), "POST /api/imports?format=csv&name=tall.csv HTTP/1.1\r\nHost: " + host
                + "\r\nOrigin: http://" + host + "\r\nContent-Type: text/csv\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + CSV);
    }

    @Test
    void aWriteFromAPageOnAnotherNameIsMisdirectedAndChangesNothing() throws Exception {
        start(WebSettings.DEFAULT);
        long revision = seeded.services().figures().dataRevision();
        String attacker = "attacker.example:" + app.port();

        RawHttp.Answer refused = importAs(attacker);

        assertThat(refused.status()).isEqualTo(421);
        JsonNode error = Json.MAPPER.readTree(refused.json());
        assertThat(error.path("error").asText()).isEqualTo("Tjenesten svarer ikke på navnet 'attacker.example': bruk adressen"
                + " den er satt opp med (localhost, eller den offentlige adressen)");
        assertThat(error.path("requestId").asText()).isEqualTo(refused.header("x-request-id")).isNotBlank();
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/health", "/api/profile?region=3201&area=KHT&year=2024", "/addin/taskpane/taskpane.html",
            "/addin/manifest.xml", "/api/reports/kommunehelse.xlsx?region=3201&year=2024", "/metrics", "/no/such/page"})
    void everyRouteAnswersAnotherName421(String path) throws Exception {
        start(WebSettings.DEFAULT);

        RawHttp.Answer refused = get("attacker.example:" + app.port(), path);

        assertThat(refused.status()).isEqualTo(421);
        assertThat(refused.header("content-type")).startsWith("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "LOCALHOST."})
    void loopbackNamesWithAnyPortAreServed(String name) throws Exception {
        start(WebSettings.DEFAULT);

        assertThat(get(name + ":" + app.port(), "/api/health").status()).isEqualTo(200);
        assertThat(get(name, "/addin/taskpane/taskpane.html").status()).isEqualTo(200);
        assertThat(importAs(name + ":" + app.port()).status()).isEqualTo(201);
    }

    @Test
    void thePublicAddressAndTheHostsTheOperatorListsAreServed() throws Exception {
        start(new WebSettings(Optional.of(URI.create("https://kostra.baerum.kommune.no")), Optional.empty())
                .withAllowedHosts(List.of("kostra-node1.intern", "10.0.0.5")));

        assertThat(get("kostra.baerum.kommune.no", "/api/health").status()).isEqualTo(200);
        assertThat(get("Kostra.Baerum.Kommune.no:443", "/api/health").status()).isEqualTo(200);
        assertThat(get("kostra-node1.intern:7070", "/api/health").status()).isEqualTo(200);
        assertThat(get("10.0.0.5:7070", "/api/health").status()).isEqualTo(200);
        assertThat(get("kostra.baerum.kommune.no.attacker.example", "/api/health").status()).isEqualTo(421);
        assertThat(get("10.0.0.6", "/api/health").status()).isEqualTo(421);
    }
}

package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.kostra.auth.OidcVerifier;
import no.kostra.auth.ReadKey;
import no.kostra.auth.Role;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Signing in from Excel's Power Query on the data routes: a personal token as the Web API key {@code kostra_key} on
 * reads of the data routes only, never logged nor stored in a workbook; under OpenID Connect the 401 that sends Power
 * Query's Organizational account to the tenant's sign-in.
 */
class PowerQuerySignInTest {
    private static final String DATA = "/api/data/profile?region=3201&area=KHT&year=2024";
    private static final String TENANT = "8f1c2a44-0000-4000-8000-000000003201";
    private static final String AUDIENCE = "https://kostra.baerum.kommune.no";
    private static final String SCOPE = "user_impersonation";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;
    private HttpServer provider;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    private void startWithTokens() {
        app = App.create(seeded.services(), WebSettings.DEFAULT.withTokens(true)).start("127.0.0.1", 0);
    }

    private String token(Role role) {
        return seeded.services().apiTokens().create("Kari, økonomi", role, java.util.Set.of(), 30).token();
    }

    private HttpResponse<byte[]> send(String method, String path, String authorization, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String error(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body()).path("error").asText();
    }

    @Test
    void aReadersTokenAsTheWebApiKeyReadsTheDataRoutes() throws Exception {
        startWithTokens();
        String reader = token(Role.READER);

        HttpResponse<byte[]> withKey = send("GET", DATA + "&" + ReadKey.PARAMETER + "=" + reader, null, null);
        HttpResponse<byte[]> withoutKey = send("GET", DATA, null, null);
        HttpResponse<byte[]> wrongKey = send("GET", DATA + "&" + ReadKey.PARAMETER + "=kostra_" + "x".repeat(43), null, null);

        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(withKey.body()).path("rows")).hasSize(17);
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
    }

    @Test
    void theKeyIsRefusedOnEveryOtherRouteAndOnWritesAndNothingIsWritten() throws Exception {
        startWithTokens();
        String admin = token(Role.ADMIN);
        long revision = seeded.services().figures().dataRevision();
        byte[] csv = "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> profile = send("GET", "/api/profile?region=3201&area=KHT&year=2024&kostra_key=" + admin, null, null);
        HttpResponse<byte[]> write = send("POST", "/api/imports?format=csv&name=rettet.csv&kostra_key=" + admin, null, csv);
        HttpResponse<byte[]> writeWithHeaderToo = send("POST", "/api/imports?format=csv&name=rettet.csv&kostra_key=" + admin,
                "Bearer " + admin, csv);

        assertThat(profile.statusCode()).isEqualTo(401);
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(writeWithHeaderToo.statusCode()).isEqualTo(401);
        assertThat(error(write)).isEqualTo("Et API-token i adressen (kostra_key) godtas bare når data leses fra /api/data/…;"
                + " send det som 'Authorization: Bearer kostra_…'");
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void theKeyNeverReachesTheLogNorTheAuditLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            startWithTokens();
            String admin = token(Role.ADMIN);
            send("GET", DATA + "&kostra_key=" + admin, null, null);
            send("POST", "/api/imports?format=csv&name=rettet.csv&kostra_key=" + admin, "Bearer " + admin,
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n".getBytes(StandardCharsets.UTF_8));
            send("POST", "/api/imports?format=csv&name=rettet.csv", "Bearer " + admin,
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,982\n".getBytes(StandardCharsets.UTF_8));

            String audit = new String(send("GET", "/api/audit?from=2000-01-01&to=2100-01-01", "Bearer " + admin, null).body(),
                    StandardCharsets.UTF_8);
            assertThat(audit).contains("POST /api/imports?format=csv&name=rettet.csv").doesNotContain(admin);
            assertThat(captured.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(admin));
        } finally {
            root.detachAppender(captured);
        }
    }

    @Test
    void anAddressThatNamesTheKeyIsRecordedWithItsValueBlanked() {
        assertThat(ReadKey.redact("region=3201&kostra_key=kostra_abc&year=2024")).isEqualTo("region=3201&kostra_key=***&year=2024");
        assertThat(ReadKey.redact("kostra_key=kostra_abc")).isEqualTo("kostra_key=***");
        assertThat(ReadKey.redact("not_kostra_key=1")).isEqualTo("not_kostra_key=1");
    }

    @Test
    void aWorkbookDownloadedWithATokenNeverCarriesIt() throws Exception {
        startWithTokens();
        String reader = token(Role.READER);

        HttpResponse<byte[]> download = send("GET", "/api/reports/kommunehelse.xlsx?region=3201&year=2024&refreshable=true",
                "Bearer " + reader, null);

        assertThat(download.statusCode()).isEqualTo(200);
        String everything = unpacked(download.body());
        assertThat(everything).contains("ApiKeyName = \"kostra_key\"").doesNotContain(reader, reader.substring(7));
    }

    /** Every part's text, the DataMashup's base64 decoded. */
    private static String unpacked(byte[] xlsx) throws Exception {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), e.getName().startsWith("customXml/item1") ? StandardCharsets.UTF_16LE
                        : StandardCharsets.UTF_8);
                all.append(text);
                if (text.contains("</DataMashup>")) {
                    String base64 = text.substring(text.indexOf("\">") + 2, text.indexOf("</DataMashup>"));
                    all.append(new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all.toString();
    }

    /** An OpenID provider of this test's own on loopback: discovery and JWKS for one Entra-shaped tenant. */
    private RSAKey startWithOrganizationalAccounts() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + TENANT + "/v2.0";
        provider.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith("/.well-known/openid-configuration")
                    ? ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\"}").getBytes(StandardCharsets.UTF_8)
                    : new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        app = App.create(seeded.services(), WebSettings.DEFAULT.withOidc(Optional.of(
                new OidcVerifier.Settings(issuer, AUDIENCE, SCOPE, Set.of())))).start("127.0.0.1", 0);
        return key;
    }

    private String authority() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + TENANT;
    }

    @Test
    void withoutAnAuthorizationHeaderADataReadNamesTheTenantsRealm() throws Exception {
        startWithOrganizationalAccounts();

        HttpResponse<byte[]> response = send("GET", DATA, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=" + authority());
    }

    @Test
    void toPowerQuerysEmptyBearerTheChallengeNamesWhereToSignIn() throws Exception {
        startWithOrganizationalAccounts();

        HttpResponse<byte[]> empty = send("GET", DATA, "Bearer", null);
        HttpResponse<byte[]> refused = send("GET", DATA, "Bearer not-a-token", null);

        assertThat(empty.statusCode()).isEqualTo(401);
        assertThat(empty.headers().allValues("WWW-Authenticate")).containsExactly("Bearer authorization_uri=" + authority()
                + "/oauth2/authorize");
        assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer authorization_uri=" + authority()
                + "/oauth2/authorize");
    }

    @Test
    void theTokenPowerQueryGetsForTheServiceReadsTheDataAndOtherRoutesKeepThePlainChallenge() throws Exception {
        RSAKey key = startWithOrganizationalAccounts();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:" + provider.getAddress().getPort() + "/" + TENANT + "/v2.0").audience(AUDIENCE)
                .subject("kari").claim("scp", SCOPE).claim("preferred_username", "kari@baerum.kommune.no")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(key));

        HttpResponse<byte[]> data = send("GET", DATA, "Bearer " + jwt.serialize(), null);
        HttpResponse<byte[]> profile = send("GET", "/api/profile?region=3201&area=KHT&year=2024", null, null);

        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(profile.statusCode()).isEqualTo(401);
        assertThat(profile.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }
}

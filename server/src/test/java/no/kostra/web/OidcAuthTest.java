package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import no.kostra.auth.OidcVerifier;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code serve --auth oidc} against an OpenID provider the test runs itself (discovery document and JWKS on loopback):
 * a valid access token is let in with the role its app roles give; a wrong signature, issuer, audience, tenant, an
 * expired token or an ID token (no scope) is 401.
 */
class OidcAuthTest {
    private static final String AUDIENCE = "api://kostra-workbench";
    private static final String SCOPE = "Kostra.Access";
    private static final String TENANT = "8f1c2a44-0000-4000-8000-000000003201";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private HttpServer provider;
    private RSAKey key;
    private String issuerBase;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerBase = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith("/.well-known/openid-configuration")
                    ? ("{\"issuer\":\"" + issuerBase + "/{tenantid}/v2.0\",\"jwks_uri\":\"" + issuerBase + "/keys\"}").getBytes(StandardCharsets.UTF_8)
                    : path.equals("/keys") ? new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8) : null;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        provider.start();
        app = App.create(seeded.services(), WebSettings.DEFAULT.withOidc(Optional.of(
                new OidcVerifier.Settings(issuerBase + "/{tenantid}/v2.0", AUDIENCE, SCOPE, Set.of(TENANT))))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        provider.stop(0);
    }

    private String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuerBase + "/" + TENANT + "/v2.0").subject("kari-oid")
                .audience(AUDIENCE).claim("tid", TENANT).claim("scp", "User.Read " + SCOPE).claim("preferred_username", "kari@baerum.kommune.no")
                .claim("roles", List.of("Kostra.Admin")).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .issueTime(new Date());
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private int status(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n")
                        : HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static final String PROFILE = "/api/profile?region=3201&area=KHT&year=2024";

    @Test
    void aValidAccessTokenIsLetInWithTheRoleItsAppRolesGive() throws Exception {
        assertThat(status("GET", PROFILE, token(key, c -> { }))).isEqualTo(200);
        assertThat(status("POST", "/api/imports?format=csv&name=t.csv", token(key, c -> { }))).isEqualTo(201);
        assertThat(status("POST", "/api/imports?format=csv&name=t.csv", token(key, c -> c.claim("roles", List.of("Kostra.Reader")))))
                .isEqualTo(403);
        assertThat(status("GET", PROFILE, null)).isEqualTo(401);
    }

    @Test
    void aTokenThatFailsAnyCheckIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(status("GET", PROFILE, token(stranger, c -> { }))).as("signed by another key").isEqualTo(401);
        assertThat(status("GET", PROFILE, token(key, c -> c.audience("api://something-else")))).as("audience").isEqualTo(401);
        assertThat(status("GET", PROFILE, token(key, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))))))
                .as("expired").isEqualTo(401);
        assertThat(status("GET", PROFILE, token(key, c -> c.claim("tid", "00000000-0000-4000-8000-000000000000")
                .issuer(issuerBase + "/00000000-0000-4000-8000-000000000000/v2.0")))).as("tenant not allowed").isEqualTo(401);
        assertThat(status("GET", PROFILE, token(key, c -> c.issuer("https://elsewhere.example/" + TENANT + "/v2.0"))))
                .as("issuer").isEqualTo(401);
        assertThat(status("GET", PROFILE, token(key, c -> c.claim("scp", null)))).as("an ID token has no scope").isEqualTo(401);
    }

    private int returnBaerumsWorkbook(String bearer) throws Exception {
        byte[] workbook = seeded.services().reports().fill("kommunehelse", "3201", 2024).xlsx();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/workbooks?name=kht.xlsx&dryRun=true"))
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Consumer<JWTClaimsSet.Builder> editor(Consumer<JWTClaimsSet.Builder> more) {
        return c -> more.accept(c.claim("roles", List.of("Kostra.Editor")));
    }

    @Test
    void anEditorsMunicipalitiesComeFromItsClaimUnderAnyOfTheirNumbers() throws Exception {
        assertThat(returnBaerumsWorkbook(token(key, editor(c -> c.claim("kostra_municipality", "0219"))))).isEqualTo(200);
        assertThat(returnBaerumsWorkbook(token(key, editor(c -> c.claim("kostra_municipality", List.of("3203", "3024"))))))
                .isEqualTo(200);
        assertThat(returnBaerumsWorkbook(token(key, editor(c -> c.claim("kostra_municipality", "3203"))))).isEqualTo(403);
    }

    @Test
    void anEditorWithNeitherClaimNorMappingIsAReader() throws Exception {
        String unbound = token(key, editor(c -> { }));

        assertThat(returnBaerumsWorkbook(unbound)).isEqualTo(403);
        assertThat(status("GET", PROFILE, unbound)).isEqualTo(200);
    }

    @Test
    void anEditorsMunicipalitiesComeFromTheOperatorsMappingOfItsGroupsOrTenant() throws Exception {
        app.stop();
        app = App.create(seeded.services(), WebSettings.DEFAULT.withOidc(Optional.of(new OidcVerifier.Settings(
                issuerBase + "/{tenantid}/v2.0", AUDIENCE, SCOPE, Set.of(TENANT),
                java.util.Map.of("4b9e-okonomi-baerum", Set.of("3024"), TENANT, Set.of("3203")))))).start("127.0.0.1", 0);

        assertThat(returnBaerumsWorkbook(token(key, editor(c -> { })))).as("the tenant gives Asker").isEqualTo(403);
        assertThat(returnBaerumsWorkbook(token(key, editor(c -> c.claim("groups", List.of("4b9e-okonomi-baerum"))))))
                .as("the group gives Bærum").isEqualTo(200);
        assertThat(returnBaerumsWorkbook(token(key, editor(c -> c.claim("groups", List.of("4b9e-okonomi-baerum"))
                .claim("kostra_municipality", "3203"))))).as("the claim, when there, decides").isEqualTo(403);
    }
}

package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.kostra.auth.OidcVerifier;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a browser on another origin may do, request ids, rate limits, readiness and metrics (issue 14, items 4 and 5, in part). */
class BrowserFacingTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private final HttpClient http = HttpClient.newHttpClient();

    private Javalin start(WebSettings settings) {
        return App.create(seeded.services(), settings).start("127.0.0.1", 0);
    }

    private HttpResponse<String> send(Javalin app, String method, String path, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static final String CSV = "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n";

    @Test
    void aPageFromAnotherOriginGetsNoGrantAndMayNotWriteWhileTheServicesOwnPageMay() throws Exception {
        Javalin app = start(new WebSettings(Optional.empty(), Optional.empty()).withAllowedOrigins(List.of("https://rapport.kommune.no")));
        try {
            String own = "http://127.0.0.1:" + app.port();
            long revision = seeded.services().figures().dataRevision();

            HttpResponse<String> foreignWrite = send(app, "POST", "/api/imports?format=csv&name=x.csv", "https://evil.example", CSV);
            HttpResponse<String> foreignRead = send(app, "GET", "/api/regions", "https://evil.example", null);
            HttpResponse<String> allowedRead = send(app, "GET", "/api/regions", "https://rapport.kommune.no", null);
            HttpResponse<String> allowedWrite = send(app, "POST", "/api/imports?format=csv&name=x.csv", "https://rapport.kommune.no", CSV);

            assertThat(foreignWrite.statusCode()).isEqualTo(403);
            assertThat(Json.MAPPER.readTree(foreignWrite.body()).path("error").asText())
                    .isEqualTo("En nettside fra https://evil.example kan ikke endre data i tjenesten");
            assertThat(foreignWrite.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(foreignRead.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(allowedRead.headers().firstValue("Access-Control-Allow-Origin")).contains("https://rapport.kommune.no");
            assertThat(allowedWrite.statusCode()).isEqualTo(403);
            assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
            assertThat(send(app, "POST", "/api/imports?format=csv&name=x.csv", own, CSV).statusCode()).isEqualTo(201);
            assertThat(send(app, "POST", "/api/imports?format=csv&name=y.csv", null, CSV.replace("0,981", "0,982")).statusCode())
                    .isEqualTo(201);
        } finally {
            app.stop();
        }
    }

    @Test
    void withSignInOnThePaneMayStillAskHowToSignInAndItsPagesCarryAPolicyAllowingTheAuthority() throws Exception {
        OidcVerifier.Settings oidc = new OidcVerifier.Settings("https://login.microsoftonline.com/8f1c2a44-0000-4000-8000-000000003201/v2.0",
                "api://kostra-workbench", "Kostra.Access", java.util.Set.of());
        Javalin app = start(WebSettings.DEFAULT.withTokens(true)
                .withAddinSignIn(Optional.of(no.kostra.auth.AddinSignIn.of(oidc, "5f0e9c1a-0000-4000-8000-00000000add1"))));
        try {
            HttpResponse<String> signIn = send(app, "GET", "/api/addin/sign-in", null, null);
            HttpResponse<String> pane = send(app, "GET", "/addin/taskpane/taskpane.html", null, null);
            HttpResponse<String> figures = send(app, "GET", "/api/regions", null, null);

            assertThat(figures.statusCode()).isEqualTo(401);
            assertThat(signIn.statusCode()).isEqualTo(200);
            JsonNode settings = Json.MAPPER.readTree(signIn.body());
            assertThat(settings.path("required").asBoolean()).isTrue();
            assertThat(settings.path("oidc").path("authority").asText())
                    .isEqualTo("https://login.microsoftonline.com/8f1c2a44-0000-4000-8000-000000003201");
            assertThat(settings.path("oidc").path("scopes").get(0).asText()).isEqualTo("api://kostra-workbench/Kostra.Access");
            String policy = pane.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self' https://appsforoffice.microsoft.com;")
                    .contains("connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.com;")
                    .contains("frame-ancestors 'self' https://*.officeapps.live.com").doesNotContain("unsafe");
            assertThat(figures.headers().firstValue("Content-Security-Policy")).isEmpty();
        } finally {
            app.stop();
        }
    }

    @Test
    void theWorksheetFunctionsPreflightMayAskToSendAToken() throws Exception {
        Javalin app = start(WebSettings.DEFAULT.withTokens(true));
        try {
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://excel.officeapps.live.com")
                    .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization").build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> open = send(app, "GET", "/api/addin/sign-in", null, null);

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("Authorization");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET");
            assertThat(Json.MAPPER.readTree(open.body()).path("oidc").isNull()).as("no MSAL settings without --oidc-client-id").isTrue();
        } finally {
            app.stop();
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndAnErrorRepeatsIt() throws Exception {
        Javalin app = start(WebSettings.DEFAULT);
        try {
            HttpResponse<String> error = send(app, "GET", "/api/profile?region=9999&area=KHT&year=2024", null, null);
            String id = error.headers().firstValue("X-Request-Id").orElseThrow();

            assertThat(id).matches("[0-9a-f]{16}");
            assertThat(Json.MAPPER.readTree(error.body()).path("requestId").asText()).isEqualTo(id);
            HttpResponse<String> given = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/health"))
                    .header("X-Request-Id", "proxy-42").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(given.headers().firstValue("X-Request-Id")).contains("proxy-42");
        } finally {
            app.stop();
        }
    }

    @Test
    void overTheRateLimitAnAddressIsToldToComeBackAndHealthIsNeverLimited() throws Exception {
        Javalin app = start(new WebSettings(Optional.empty(), Optional.empty(), ServerLimits.DEFAULT.withRequestsPerMinute(5)));
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(send(app, "GET", "/api/version", null, null).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = send(app, "GET", "/api/version", null, null);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
            assertThat(Json.MAPPER.readTree(limited.body()).path("error").asText()).startsWith("For mange forespørsler");
            assertThat(send(app, "GET", "/api/health", null, null).statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    /** The highest version among the migrations on the class path (SQL and Java), as Flyway numbers them. */
    private static String newestMigration() throws Exception {
        java.util.List<Integer> versions = new java.util.ArrayList<>();
        for (String folder : java.util.List.of("db/migration")) {
            var url = BrowserFacingTest.class.getClassLoader().getResources(folder);
            while (url.hasMoreElements()) {
                try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.nextElement().toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.(sql|class)"))
                            .forEach(n -> versions.add(Integer.parseInt(n.substring(1, n.indexOf("__")))));
                }
            }
        }
        return String.valueOf(java.util.Collections.max(versions));
    }

    @Test
    void readinessSaysTheDatabaseAnswersWithTheNewestMigration() throws Exception {
        Javalin app = start(WebSettings.DEFAULT.withTokens(true));
        try {
            HttpResponse<String> ready = send(app, "GET", "/api/ready", null, null);

            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("ready");
            assertThat(body.path("schemaVersion").asText()).isEqualTo(newestMigration());
        } finally {
            app.stop();
        }
    }

    @Test
    void metricsCountEachRouteWithItsLatencyAndTheCachesHits() throws Exception {
        Javalin app = start(WebSettings.DEFAULT);
        try {
            for (int i = 0; i < 3; i++) {
                send(app, "GET", "/api/profile?region=3201&area=KHT&year=2024", null, null);
            }

            String metrics = send(app, "GET", "/metrics", null, null).body();

            assertThat(metrics).contains("kostra_http_requests_seconds_count{method=\"GET\",route=\"/api/profile\",status=\"200\"} 3");
            assertThat(metrics).contains("cache_gets_total{cache=\"responses\",result=\"hit\"} 2.0",
                    "cache_gets_total{cache=\"responses\",result=\"miss\"} 1.0");
            assertThat(metrics).contains("jvm_memory_used_bytes");
        } finally {
            app.stop();
        }
    }

    @Test
    void metricsTimeEachImportByFormatAndOutcomeAndEachReportFillByTemplate() throws Exception {
        Javalin app = start(WebSettings.DEFAULT);
        try {
            // given one import that stores a figure, one that is refused, and one report downloaded twice
            assertThat(send(app, "POST", "/api/imports?format=csv&name=x.csv", null, CSV).statusCode()).isEqualTo(201);
            assertThat(send(app, "POST", "/api/imports?format=csv&name=y.csv", null, "kommune;tall\n3201;1\n").statusCode())
                    .isEqualTo(400);
            for (int i = 0; i < 2; i++) {
                assertThat(send(app, "GET", "/api/reports/kommunehelse.xlsx?region=3201&year=2024", null, null).statusCode())
                        .isEqualTo(200);
            }

            // when the metrics are read
            String metrics = send(app, "GET", "/metrics", null, null).body();

            // then each import is timed with its format and outcome, and the fill once (the second came from the cache)
            assertThat(metrics).contains("kostra_imports_seconds_count{format=\"csv\",outcome=\"stored\"} 1",
                    "kostra_imports_seconds_count{format=\"csv\",outcome=\"refused\"} 1",
                    "kostra_report_fills_seconds_count{template=\"kommunehelse\"} 1");
        } finally {
            app.stop();
        }
    }
}

package no.kostra.web;

import static no.kostra.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where a new user starts: the page at /, and /api listing every route (issue 23 item 11). */
class StartPageTest {
    private static final Set<HandlerType> LISTED = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @Test
    void theRootIsABokmaalPageWhoseScriptsAndStylesComeFromTheServiceOnly() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response page = client.get("/");
            String html = page.body().string();

            assertThat(page.code()).isEqualTo(200);
            assertThat(page.headers().get("Content-Type").get(0)).startsWith("text/html");
            assertThat(html).contains("<html lang=\"nb\">", "href=\"/addin/manifest.xml\"", "src=\"/start/start.js\"",
                    "Excel-tillegget", "Rapportarbeidsbøker");
            assertThat(page.headers().get("Content-Security-Policy").get(0)).contains("default-src 'self'", "script-src 'self';",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            // nothing inline: every script has a src, and no element carries an event handler or a style of its own
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).isFalse();
            assertThat(Pattern.compile("\\son[a-z]+=|\\sstyle=").matcher(html).find()).isFalse();
            assertThat(client.get("/start/start.js").code()).isEqualTo(200);
            assertThat(client.get("/start/start.css").code()).isEqualTo(200);
        });
    }

    @Test
    void apiListsEveryRouteTheServiceAnswersEachDescribedInBokmaal() {
        Javalin app = App.create(SEEDED.services());
        JavalinTest.test(app, (server, client) -> {
            Response response = client.get("/api");

            assertThat(response.code()).isEqualTo(200);
            Set<String> listed = new TreeSet<>();
            List<String> undescribed = new ArrayList<>();
            for (JsonNode route : json(response).path("routes")) {
                String key = route.path("method").asText() + " " + route.path("path").asText();
                listed.add(key);
                if (route.path("description").asText().isBlank()) {
                    undescribed.add(key);
                }
            }
            Set<String> served = new TreeSet<>();
            app.unsafe.internalRouter.allHttpHandlers().stream().map(h -> h.endpoint)
                    .filter(e -> LISTED.contains(e.method))
                    .forEach(e -> served.add(e.method.name() + " " + e.path));

            assertThat(listed).isEqualTo(served).contains("GET /", "GET /api", "GET /api/profile", "POST /api/imports");
            assertThat(undescribed).as("routes without a line in server/src/main/resources/web/routes.csv").isEmpty();
        });
    }

    @Test
    void eachRouteSaysWhichRoleItNeedsWhenSignInIsOn() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode routes = json(client.get("/api")).path("routes");

            assertThat(role(routes, "GET", "/api/profile")).isEqualTo("reader");
            assertThat(role(routes, "POST", "/api/imports")).isEqualTo("admin");
            assertThat(role(routes, "POST", "/api/workbooks")).isEqualTo("editor");
            assertThat(role(routes, "GET", "/api/health")).isEqualTo("null");
            assertThat(role(routes, "GET", "/")).isEqualTo("null");
        });
    }

    @Test
    void thePageAndTheListAnswerWithoutATokenWhenSignInIsOn() {
        JavalinTest.test(App.create(SEEDED.services(), WebSettings.DEFAULT.withTokens(true)), (server, client) -> {
            assertThat(client.get("/").code()).isEqualTo(200);
            assertThat(client.get("/start/start.js").code()).isEqualTo(200);
            assertThat(client.get("/api").code()).isEqualTo(200);
            assertThat(client.get("/api/areas").code()).isEqualTo(401);
        });
    }

    @Test
    void anAddressTheServiceDoesNotHavePointsToTheStartPageAndTheList() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profil");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).path("error").asText())
                    .isEqualTo("Fant ikke /api/profil. Startsiden / viser hva tjenesten har, og /api lister adressene.");
        });
    }

    private static String role(JsonNode routes, String method, String path) {
        for (JsonNode route : routes) {
            if (route.path("method").asText().equals(method) && route.path("path").asText().equals(path)) {
                return route.path("role").isNull() ? "null" : route.path("role").asText();
            }
        }
        throw new AssertionError("No route " + method + " " + path);
    }
}

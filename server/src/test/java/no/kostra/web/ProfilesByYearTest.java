package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles by year, through the documented catalogue import ({@code POST /api/imports?name=profile_rows.csv&format=catalog})
 * and the API. The 2024 side is the seeds' (real figures from the 2025 report); the 2021 layout and its figures are
 * test fixtures shaped like an older report (server/src/test/resources/profiles/), not published numbers.
 */
class ProfilesByYearTest {
    private static final String[] PROFILES = {"KHT", "PLO", "PLO_0_66", "PLO_67", "PLO_TTU"};
    private final List<Services> opened = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        opened.forEach(Services::close);
    }

    private Services seeded() {
        Services services = SeededServices.open();
        opened.add(services);
        return services;
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ProfilesByYearTest.class.getResourceAsStream("/profiles/" + name)) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<String> post(String origin, String query, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin + "/api/imports" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String origin, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.MAPPER.readTree(response.body());
        if (json instanceof ObjectNode object) {
            object.remove("dataRevision"); // moves with every import; the answers compared here are the tables
            object.remove("requestId"); // every request's own
            object.put("status", response.statusCode());
        }
        return json;
    }

    private void importLayout(String origin, String fixture) throws Exception {
        HttpResponse<String> response = post(origin, "?name=profile_rows.csv&format=catalog", fixture(fixture));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The 2021 layout and the 2021 figures, as an analyst reproducing a 2021 report imports them. */
    private void import2021(String origin) throws Exception {
        importLayout(origin, "profile_rows-2021.csv");
        assertThat(post(origin, "?name=figures-2021.csv", fixture("figures-2021.csv")).statusCode()).isEqualTo(201);
        assertThat(post(origin, "?name=asss-2021.csv", fixture("asss-2021.csv")).statusCode()).isEqualTo(201);
    }

    private static List<String> texts(JsonNode rows, String field) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path(field).asText()));
        return out;
    }

    private static JsonNode row(JsonNode profile, String indicator) {
        for (JsonNode r : profile.at("/profile/rows")) {
            if (r.path("indicator").asText().equals(indicator)) {
                return r;
            }
        }
        throw new AssertionError("No row " + indicator + " in " + profile);
    }

    @Test
    void a2021ProfileHasThe2021RowsCategoriesOrderAndStarsBesideThe2024One() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            import2021(origin);

            JsonNode kht2021 = get(origin, "/api/profile?region=3201&area=KHT&year=2021");
            JsonNode kht2024 = get(origin, "/api/profile?region=3201&area=KHT&year=2024");

            JsonNode rows2021 = kht2021.at("/profile/rows");
            assertThat(texts(rows2021, "indicator")).containsExactly("KHT.ressursbruksindikator",
                    "KHT.netto_driftsutgifter_per_innbygger", "KHT.arsverk_leger_per_10000", "KHT.sykefravaer");
            assertThat(texts(rows2021, "category")).containsExactly("Prioritering", "Prioritering", "Dekningsgrader", "Sykefravær");
            assertThat(texts(rows2021, "name")).containsExactly("Ressursbruksindikator. Kommunehelse*",
                    "Netto driftsutgifter kommunehelsetjenesten per innbygger (kroner)",
                    "Årsverk leger per 10 000 innbyggere (f120, f233, f241)", "Sykefravær kommunehelse (prosent)*");
            JsonNode sick2021 = row(kht2021, "KHT.sykefravaer");
            assertThat(sick2021.at("/asss/meanKind").asText()).isEqualTo("flat");
            assertThat(sick2021.at("/values/2/value").asDouble()).isEqualTo(6.38);
            assertThat(sick2021.at("/asss/mean/value").asDouble()).isEqualTo(7.05);
            assertThat(kht2021.at("/profile/years").toString()).isEqualTo("[2019,2020,2021]");

            // the seeds' 2024 profile: 17 rows, sykefravær weighted; Bærum 7.27 against the ASSS mean 7.88
            JsonNode rows2024 = kht2024.at("/profile/rows");
            assertThat(rows2024).hasSize(17);
            JsonNode sick2024 = row(kht2024, "KHT.sykefravaer");
            assertThat(sick2024.path("name").asText()).isEqualTo("Sykefravær kommunehelse (prosent)");
            assertThat(sick2024.path("category").asText()).isEqualTo("Sykefravær");
            assertThat(sick2024.at("/asss/meanKind").asText()).isEqualTo("weighted");
            assertThat(sick2024.at("/values/2/value").asDouble()).isEqualTo(7.27);
            assertThat(sick2024.at("/asss/mean/value").asDouble()).isEqualTo(7.88);
        });
    }

    @Test
    void oneIndicatorIsARowOfSeveralProfilesAndFlatIn2021WhileWeightedIn2024() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            import2021(origin);

            for (String profile : List.of("PLO_67", "PLO_0_66")) {
                JsonNode sick = row(get(origin, "/api/profile?region=3201&area=" + profile + "&year=2021"), "PLO.sykefravaer");
                assertThat(sick.path("name").asText()).as(profile).isEqualTo("Sykefravær pleie og omsorg (prosent)*");
                assertThat(sick.path("category").asText()).as(profile).isEqualTo("Sykefravær");
                assertThat(sick.at("/asss/meanKind").asText()).as(profile).isEqualTo("flat");
                assertThat(sick.at("/values/2/value").asDouble()).as(profile).isEqualTo(9.14);
            }
            // 2024: only in the all-ages profile, weighted, Bærum 8.60 against 9.23 (seeds)
            JsonNode plo2024 = get(origin, "/api/profile?region=3201&area=PLO&year=2024");
            JsonNode sick2024 = row(plo2024, "PLO.sykefravaer");
            assertThat(sick2024.path("name").asText()).isEqualTo("Sykefravær pleie og omsorg (prosent)");
            assertThat(sick2024.at("/asss/meanKind").asText()).isEqualTo("weighted");
            assertThat(sick2024.at("/asss/mean/value").asDouble()).isEqualTo(9.23);
            assertThat(texts(get(origin, "/api/profile?region=3201&area=PLO_67&year=2024").at("/profile/rows"), "indicator"))
                    .doesNotContain("PLO.sykefravaer").hasSize(5);
        });
    }

    @Test
    void theComparisonRoutesFormTheMeanAsTheYearsLayoutSays() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            import2021(origin);

            JsonNode in2021 = get(origin, "/api/comparison?region=3201&indicator=KHT.sykefravaer&year=2021").path("comparison");
            JsonNode in2024 = get(origin, "/api/comparison?region=3201&indicator=KHT.sykefravaer&year=2024").path("comparison");

            assertThat(in2021.path("meanKind").asText()).isEqualTo("flat");
            assertThat(in2021.path("name").asText()).endsWith("*");
            assertThat(in2024.path("meanKind").asText()).isEqualTo("weighted");
            assertThat(in2024.path("name").asText()).isEqualTo("Sykefravær kommunehelse (prosent)");
        });
    }

    @Test
    void theCatalogueRoutesCountAndListTheRowsOfTheYearAsked() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            importLayout(origin, "profile_rows-2021.csv");

            JsonNode areas2021 = get(origin, "/api/areas?year=2021");
            JsonNode areasNewest = get(origin, "/api/areas");
            JsonNode kht2021 = get(origin, "/api/indicators?area=KHT&year=2021").path("indicators");
            JsonNode plo67in2021 = get(origin, "/api/indicators?area=PLO_67&year=2021").path("indicators");

            assertThat(areas2021.at("/areas/0/profiles/0/rows").asInt()).isEqualTo(4);
            assertThat(areas2021.at("/areas/0/profiles/0/layoutYears").toString()).isEqualTo("[2021,2024]");
            assertThat(areasNewest.path("year").asInt()).isEqualTo(2024);
            assertThat(areasNewest.at("/areas/0/profiles/0/rows").asInt()).isEqualTo(17);
            assertThat(texts(kht2021, "id").subList(0, 4)).containsExactly("KHT.ressursbruksindikator",
                    "KHT.netto_driftsutgifter_per_innbygger", "KHT.arsverk_leger_per_10000", "KHT.sykefravaer");
            assertThat(kht2021.get(3).path("displayName").asText()).isEqualTo("Sykefravær kommunehelse (prosent)*");
            assertThat(texts(plo67in2021, "id")).containsExactly("PLO.bistandsbehov_hjemmetjeneste_67",
                    "PLO.andel_80_hjemmetjeneste", "PLO.sykefravaer");
            assertThat(texts(plo67in2021, "meanKind")).containsExactly("WEIGHTED", "WEIGHTED", "FLAT");
        });
    }

    @Test
    void importingThe2021LayoutLeavesThe2024ProfilesAsTheyWere() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            Map<String, JsonNode> before = tables(origin, 2024);

            import2021(origin);

            assertThat(tables(origin, 2024)).isEqualTo(before);
        });
    }

    @Test
    void importingA2024LayoutAfterThe2021OneLeavesThe2021ProfileAsItWas() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            import2021(origin);
            Map<String, JsonNode> before = tables(origin, 2021);

            importLayout(origin, "profile_rows-2024.csv");

            assertThat(tables(origin, 2021)).isEqualTo(before);
            assertThat(row(get(origin, "/api/profile?region=3201&area=KHT&year=2024"), "KHT.ledig_listekapasitet")
                    .path("category").asText()).isEqualTo("Kvalitet");
        });
    }

    @Test
    void theOrderTheLayoutsAreImportedInDoesNotChangeAnyAnswer() throws Exception {
        Map<String, JsonNode> firstThen = new LinkedHashMap<>();
        Map<String, JsonNode> thenFirst = new LinkedHashMap<>();
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            importLayout(client.getOrigin(), "profile_rows-2024.csv");
            import2021(client.getOrigin());
            for (int year : new int[] {2021, 2022, 2023, 2024}) {
                firstThen.putAll(answers(client.getOrigin(), year));
            }
        });
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            import2021(client.getOrigin());
            importLayout(client.getOrigin(), "profile_rows-2024.csv");
            for (int year : new int[] {2021, 2022, 2023, 2024}) {
                thenFirst.putAll(answers(client.getOrigin(), year));
            }
        });

        assertThat(thenFirst).isEqualTo(firstThen);
        assertThat(firstThen.get("profile|KHT|2021").at("/profile/rows")).hasSize(4);
        assertThat(firstThen.get("profile|KHT|2023").at("/profile/rows")).hasSize(4); // the 2021 layout lasts until 2024's
        assertThat(firstThen.get("profile|KHT|2024").at("/profile/rows")).hasSize(17);
    }

    /** Every profile's answer for the year and its rows as the catalogue lists them, by route. */
    private Map<String, JsonNode> tables(String origin, int year) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String profile : PROFILES) {
            out.put("profile|" + profile + "|" + year, get(origin, "/api/profile?region=3201&area=" + profile + "&year=" + year));
            out.put("indicators|" + profile + "|" + year, get(origin, "/api/indicators?area=" + profile + "&year=" + year));
        }
        return out;
    }

    /** {@link #tables} and the areas with their row counts and layout years. */
    private Map<String, JsonNode> answers(String origin, int year) throws Exception {
        Map<String, JsonNode> out = tables(origin, year);
        out.put("areas|" + year, get(origin, "/api/areas?year=" + year));
        return out;
    }

    @Test
    void aBadProfileRowsFileIsRefusedNamingLineAndColumnAndChangesNothing() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("KHT,2021,,1,Prioritering,KHT.ressursbruksindikator,flat\nKHT,2021,,1,Prioritering,KHT.sykefravaer,flat\n",
                "profile_rows.csv linje 3, kolonne sort: plass 1 i KHT fra 2021 er allerede tatt av KHT.ressursbruksindikator");
        refusals.put("KHT,2021,,1,Prioritering,KHT.finnes_ikke,flat\n",
                "profile_rows.csv linje 2, kolonne indicator: ukjent indikator KHT.finnes_ikke; importer den i indicators.csv først");
        refusals.put("KHT,2021,,1,Prioritering,KHT.ressursbruksindikator,flat\nXYZ,2021,,1,Prioritering,KHT.sykefravaer,flat\n",
                "profile_rows.csv linje 3, kolonne profile: ukjent profil XYZ; kjente profiler: BHG, BVT, BYG, EIE, GRS, KHT, PLO, PLO_0_66, PLO_67, PLO_TTU, SAM, SOS");
        refusals.put("KHT,2021,2020,1,Prioritering,KHT.ressursbruksindikator,flat\n",
                "profile_rows.csv linje 2, kolonne last_year: last_year 2020 er før first_year 2021");
        refusals.put("KHT,2021,,1,Prioritering,KHT.ressursbruksindikator,flatt\n",
                "profile_rows.csv linje 2, kolonne mean_kind: ukjent mean_kind 'flatt', skal være weighted eller flat");
        refusals.put("KHT,tjueentjue,,1,Prioritering,KHT.ressursbruksindikator,flat\n",
                "profile_rows.csv linje 2, kolonne first_year: forventet et heltall, fant 'tjueentjue'");
        refusals.put("KHT,2021,,1,,KHT.ressursbruksindikator,flat\n",
                "profile_rows.csv linje 2, kolonne category: verdi mangler");
        refusals.put("KHT,2021,,1," + "K".repeat(65) + ",KHT.ressursbruksindikator,flat\n",
                "profile_rows.csv linje 2, kolonne category: kategorien har 65 tegn; den kan ha høyst 64");
        refusals.put("PLO,2024,,7,Sykefravær,KHT.sykefravaer,flat\n",
                "profile_rows.csv linje 2, kolonne mean_kind: KHT.sykefravaer har mean_kind flat i PLO men weighted i KHT i 2024;"
                        + " ASSS-snittet for en indikator et år er enten vektet eller flatt");
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            String origin = client.getOrigin();
            Map<String, JsonNode> before = answers(origin, 2024);
            long revision = Json.MAPPER.readTree(client.get("/api/health").body().string()).path("dataRevision").asLong();

            refusals.forEach((rows, message) -> {
                try {
                    HttpResponse<String> response = post(origin, "?name=profile_rows.csv&format=catalog",
                            ("profile,first_year,last_year,sort,category,indicator,mean_kind\n" + rows).getBytes(StandardCharsets.UTF_8));
                    assertThat(response.statusCode()).as(rows).isEqualTo(400);
                    assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).as(rows).contains(message);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });

            assertThat(Json.MAPPER.readTree(client.get("/api/health").body().string()).path("dataRevision").asLong()).isEqualTo(revision);
            assertThat(answers(origin, 2024)).isEqualTo(before);
            assertThat(get(origin, "/api/areas?year=2021").at("/areas/0/profiles/0/layoutYears").toString()).isEqualTo("[2024]");
        });
    }

    @Test
    void anIndicatorsTableThatStillNamesAProfileIsRefusedPointingToProfileRows() {
        JavalinTest.test(App.create(seeded()), (server, client) -> {
            HttpResponse<String> response = post(client.getOrigin(), "?name=indicators.csv&format=catalog",
                    ("id,area,profile,category,sort,name,unit,decimals,mean_kind,higher_is_more,source\n"
                            + "KHT.ny,KHT,KHT,Prioritering,18,Ny indikator,kroner,0,weighted,true,test\n").getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).startsWith(
                    "indicators.csv linje 2, kolonne profile: profilrader står i profile_rows.csv");
        });
    }
}

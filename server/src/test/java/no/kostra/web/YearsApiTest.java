package no.kostra.web;

import static no.kostra.support.Http.json;
import static no.kostra.support.Http.postCsv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.charset.StandardCharsets;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/years: the years the task pane offers. On the seeds Bærum has Kommunehelse figures for 2022–2024 (the 2025
 * report prints three years) but the profile's layout starts in 2024, so only 2024 can be shown as a profile.
 */
class YearsApiTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void aProfileCanBeShownForTheYearsWithItsFiguresAndALayout() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/years?region=3201&area=KHT");

            assertThat(response.code()).isEqualTo(200);
            JsonNode years = json(response).path("years");
            assertThat(years.path("region").toString()).isEqualTo("{\"code\":\"3201\",\"name\":\"Bærum\"}");
            assertThat(years.path("profile").toString()).isEqualTo("{\"code\":\"KHT\",\"title\":\"Kommunehelse\"}");
            assertThat(years.path("withFigures").toString()).isEqualTo("[2022,2023,2024]");
            assertThat(years.path("withProfile").toString()).isEqualTo("[2024]");
            assertThat(years.path("newest").asInt()).isEqualTo(2024);
            assertThat(client.get("/api/profile?region=3201&area=KHT&year=2024").code()).isEqualTo(200);
            assertThat(client.get("/api/profile?region=3201&area=KHT&year=2023").code()).isEqualTo(404);
        });
    }

    @Test
    void anOlderLayoutAndItsFiguresAddTheYearsItCovers() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            assertThat(csv(client, "/api/imports?name=profile_rows.csv&format=catalog", fixture("profile_rows-2021.csv")))
                    .isEqualTo(201);
            assertThat(csv(client, "/api/imports?name=figures-2021.csv&format=csv", fixture("figures-2021.csv"))).isEqualTo(201);

            JsonNode years = json(client.get("/api/years?region=B%C3%A6rum&area=KHT")).path("years");

            assertThat(years.path("withFigures").toString()).isEqualTo("[2019,2020,2021,2022,2023,2024]");
            // the 2021 layout lasts until the 2024 one starts; 2019 and 2020 come before any layout
            assertThat(years.path("withProfile").toString()).isEqualTo("[2021,2022,2023,2024]");
            for (JsonNode year : years.path("withProfile")) {
                assertThat(client.get("/api/profile?region=3201&area=KHT&year=" + year.asInt()).code()).as(year.toString())
                        .isEqualTo(200);
            }
        });
    }

    @Test
    void aMunicipalityWithoutFiguresInTheAreaHasNoYearsAndNoNewest() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode years = json(client.get("/api/years?region=Oslo&area=PLO_TTU")).path("years");

            assertThat(years.path("withFigures").toString()).isEqualTo("[]");
            assertThat(years.path("withProfile").toString()).isEqualTo("[]");
            assertThat(years.path("newest").isNull()).isTrue();
        });
    }

    @Test
    void withoutParametersTheAnswerIsEveryYearWithAFigure() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode years = json(client.get("/api/years")).path("years");

            assertThat(years.path("region").isNull()).isTrue();
            assertThat(years.path("profile").isNull()).isTrue();
            assertThat(years.path("withFigures").toString()).isEqualTo("[2014,2015,2016,2017,2021,2022,2023,2024]");
            assertThat(years.path("withProfile").isNull()).isTrue();
            assertThat(years.path("newest").asInt()).isEqualTo(2024);
        });
    }

    @Test
    void anAreaWithoutAMunicipalityIsABadRequestThatSaysWhatToAdd() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/years?area=KHT");

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).path("error").asText())
                    .isEqualTo("Parameteren 'region' mangler: årene for et tjenesteområde gjelder én kommune");
        });
    }

    @Test
    void theAnswerFollowsTheDataRevision() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            assertThat(json(client.get("/api/years?region=3201&area=KHT")).path("years").path("withFigures").toString())
                    .isEqualTo("[2022,2023,2024]");
            assertThat(csv(client, "/api/imports?name=one.csv&format=csv",
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2025;0,950\n")).isEqualTo(201);

            assertThat(json(client.get("/api/years?region=3201&area=KHT")).path("years").path("withProfile").toString())
                    .isEqualTo("[2024,2025]");
        });
    }

    private static int csv(HttpClient client, String path, String body) {
        return postCsv(client, path, body).code();
    }

    private static String fixture(String name) throws Exception {
        return new String(ProfilesByYearTest.fixture(name), StandardCharsets.UTF_8);
    }
}

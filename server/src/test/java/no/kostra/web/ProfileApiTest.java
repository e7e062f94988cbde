package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The profile API on the real app and the seeds from 000_… (Kommunehelse, KOSTRA-rapport 2025). */
class ProfileApiTest {
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static JsonNode json(Response response) throws Exception {
        return Json.MAPPER.readTree(response.body().string());
    }

    private static JsonNode row(JsonNode profile, String indicator) {
        for (JsonNode row : profile.path("rows")) {
            if (row.path("indicator").asText().equals(indicator)) {
                return row;
            }
        }
        throw new AssertionError("No row " + indicator);
    }

    @Test
    void kommunehelseProfileHasAll17RowsWithThePublishedFigures() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profile?region=3201&area=KHT&year=2024");

            assertThat(response.code()).isEqualTo(200);
            JsonNode profile = json(response).path("profile");
            assertThat(profile.path("rows")).hasSize(17);
            assertThat(profile.path("years").toString()).isEqualTo("[2022,2023,2024]");

            JsonNode ressursbruk = row(profile, "KHT.ressursbruksindikator");
            assertThat(ressursbruk.path("name").asText()).isEqualTo("Ressursbruksindikator. Kommunehelse*");
            assertThat(ressursbruk.path("category").asText()).isEqualTo("Prioritering");
            List<Double> values = new ArrayList<>();
            ressursbruk.path("values").forEach(v -> values.add(v.path("value").asDouble()));
            assertThat(values).containsExactly(1.016, 0.998, 0.972);
            assertThat(ressursbruk.path("asss").path("mean").path("value").asDouble()).isEqualTo(1.000);
            assertThat(ressursbruk.path("asss").path("high").path("value").asDouble()).isEqualTo(1.083);
            assertThat(ressursbruk.path("asss").path("low").path("value").asDouble()).isEqualTo(0.926);
            assertThat(ressursbruk.path("asss").path("meanKind").asText()).isEqualTo("flat");
            assertThat(ressursbruk.path("index").asDouble()).isEqualTo(97.2);
            assertThat(ressursbruk.path("deviationPercent").asDouble()).isEqualTo(-2.8);
        });
    }

    @Test
    void everyRowIsReproducibleFromItsOwnFigures() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode profile = json(client.get("/api/profile?region=3201&area=KHT&year=2024")).path("profile");
            for (JsonNode row : profile.path("rows")) {
                JsonNode mean = row.path("asss").path("mean");
                JsonNode current = row.path("values").get(2);
                if (current.path("value").isNull() || mean.path("value").isNull()) {
                    assertThat(row.path("index").isNull()).as(row.path("indicator").asText()).isTrue();
                    continue;
                }
                double expected = current.path("value").asDouble() / mean.path("value").asDouble() * 100;
                assertThat(row.path("index").asDouble()).as(row.path("indicator").asText())
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
            }
        });
    }

    @Test
    void theOldMunicipalityNumberReachesBaerumToo() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode region = json(client.get("/api/profile?region=3024&area=KHT&year=2024")).path("profile").path("region");

            assertThat(region.path("code").asText()).isEqualTo("3201");
            assertThat(region.path("name").asText()).isEqualTo("Bærum");
            assertThat(region.path("requestedCode").asText()).isEqualTo("3024");
        });
    }

    @Test
    void thePleieOgOmsorgPartsHaveTheirOwnAreaCodes() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            assertThat(json(client.get("/api/profile?region=3201&area=PLO&year=2024")).path("profile").path("rows")).hasSize(6);
            assertThat(json(client.get("/api/profile?region=3201&area=PLO_0_66&year=2024")).path("profile").path("rows")).hasSize(5);
            assertThat(json(client.get("/api/profile?region=3201&area=PLO_67&year=2024")).path("profile").path("rows")).hasSize(5);
            assertThat(json(client.get("/api/profile?region=3201&area=plo_ttu&year=2024")).path("profile").path("rows")).hasSize(5);
        });
    }

    @Test
    void anUnknownRegionIsA404ThatNamesIt() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profile?region=9999&area=KHT&year=2024");

            assertThat(response.code()).isEqualTo(404);
            JsonNode error = json(response);
            assertThat(error.path("error").asText())
                    .isEqualTo("Fant ingen kommune med nummer 9999. Kommunene og numrene deres står i /api/regions.");
            assertThat(error.path("detail").path("asked").asText()).isEqualTo("9999");
        });
    }

    @Test
    void theProfileIsFoundByTheMunicipalitysNameAsAPersonTypesIt() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            for (String asked : List.of("B%C3%A6rum", "b%C3%A6rum", "Baerum", "B%C3%A6rum%20kommune")) {
                JsonNode region = json(client.get("/api/profile?region=" + asked + "&area=KHT&year=2024")).path("profile")
                        .path("region");

                assertThat(region.path("code").asText()).as(asked).isEqualTo("3201");
            }
            Response mistyped = client.get("/api/profile?region=Beerum&area=KHT&year=2024");
            assertThat(mistyped.code()).isEqualTo(404);
            JsonNode error = json(mistyped);
            assertThat(error.path("error").asText()).isEqualTo("Fant ingen kommune som heter «Beerum». Mente du Bærum (3201)?");
            assertThat(error.path("detail").path("suggestions").toString()).isEqualTo("[{\"code\":\"3201\",\"name\":\"Bærum\"}]");
        });
    }

    @Test
    void anUnknownAreaIsA404ThatListsTheKnownOnes() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profile?region=3201&area=XYZ&year=2024");

            assertThat(response.code()).isEqualTo(404);
            JsonNode error = json(response);
            assertThat(error.path("error").asText()).isEqualTo("Fant ikke tjenesteområde XYZ");
            assertThat(error.path("detail").path("known").toString()).contains("KHT", "PLO_67");
        });
    }

    @Test
    void aYearWithoutDataIsA404ThatListsTheYearsWithData() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profile?region=3201&area=KHT&year=2019");

            assertThat(response.code()).isEqualTo(404);
            JsonNode error = json(response);
            assertThat(error.path("error").asText())
                    .isEqualTo("Ingen tall i Kommunehelse for Bærum 2019. Det finnes tall for 2022–2024.");
            assertThat(error.path("detail").path("yearsWithData").toString()).isEqualTo("[2022,2023,2024]");
        });
    }

    @Test
    void aYearWithFiguresBeforeTheProfilesFirstLayoutIsA404ThatSaysWhereItsLayoutsBegin() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            // the seeds hold Bærum's 2023 figures, printed in the 2024 report, but not the 2023 report's layout
            Response response = client.get("/api/profile?region=3201&area=KHT&year=2023");

            assertThat(response.code()).isEqualTo(404);
            JsonNode error = json(response);
            assertThat(error.path("error").asText())
                    .isEqualTo("Kommunehelse har ingen rader for 2023; profilens oppsett (profile_rows.csv) begynner i 2024");
            assertThat(error.path("detail").path("layoutsStart").toString()).isEqualTo("[2024]");
        });
    }

    @Test
    void aYearThatIsNotAYearIsA400() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response notNumber = client.get("/api/profile?region=3201&area=KHT&year=tjuefire");
            Response outOfRange = client.get("/api/profile?region=3201&area=KHT&year=20244");
            Response missing = client.get("/api/profile?region=3201&area=KHT");

            assertThat(notNumber.code()).isEqualTo(400);
            assertThat(json(notNumber).path("error").asText()).isEqualTo("Parameteren 'year' må være et årstall, fikk 'tjuefire'");
            assertThat(outOfRange.code()).isEqualTo(400);
            assertThat(json(outOfRange).path("error").asText()).isEqualTo("Parameteren 'year' må være et år mellom 1990 og 2100, fikk 20244");
            assertThat(missing.code()).isEqualTo(400);
            assertThat(json(missing).path("error").asText()).isEqualTo("Parameteren 'year' mangler");
        });
    }

    @Test
    void aGroupIsNotAMunicipality() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/profile?region=ASSS&area=KHT&year=2024");

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("ASSS-snitt (ASSS) er en gruppe, ikke en kommune");
        });
    }

    @Test
    void anUnknownAddressIsAJson404() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/nothing-here");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).path("error").asText()).isNotBlank();
        });
    }

    @Test
    void healthAnswers200WithTheDataRevision() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get("/api/health");

            assertThat(response.code()).isEqualTo(200);
            assertThat(json(response).path("status").asText()).isEqualTo("ok");
            assertThat(json(response).path("dataRevision").asLong()).isPositive();
        });
    }

    @Test
    void regionsListEveryNumberAMunicipalityHasHad() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode regions = json(client.get("/api/regions")).path("regions");
            JsonNode baerum = null;
            for (JsonNode r : regions) {
                if (r.path("code").asText().equals("3201")) {
                    baerum = r;
                }
            }
            assertThat(baerum).isNotNull();
            assertThat(baerum.path("name").asText()).isEqualTo("Bærum");
            assertThat(baerum.path("formerCodes").toString()).contains("3024", "0219");
        });
    }

    @Test
    void areasListTheProfilesWithTheirRowCounts() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode areas = json(client.get("/api/areas")).path("areas");

            assertThat(areas.toString()).contains("\"code\":\"KHT\"", "\"code\":\"PLO_TTU\"");
            assertThat(areas.get(0).path("profiles").get(0).path("rows").asInt()).isEqualTo(17);
        });
    }

    @Test
    void indicatorsOfAnAreaIncludeItsSeries() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            JsonNode indicators = json(client.get("/api/indicators?area=KHT")).path("indicators");

            assertThat(indicators).hasSize(29);
            assertThat(json(client.get("/api/indicators?area=PLO_67")).path("indicators")).hasSize(5);
        });
    }
}

package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameters a probe sends to every read route are refused with a 4xx that says why, never a 500 (issue 12, item 9). */
class HostileParametersTest {
    private static final String LONG = "x".repeat(4_000);

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/accounts/projection?coverage=150&population=2025:5000",
            "/api/accounts/projection?coverage=-1&population=2025:5000",
            "/api/accounts/projection?coverage=1e308&population=2025:5000",
            "/api/accounts/projection?coverage=NaN&population=2025:5000",
            "/api/accounts/projection?coverage=12,7&population=2025:-5",
            "/api/accounts/projection?coverage=12,7&population=99999:5000",
            "/api/accounts/projection?coverage=12,7&population=2025:5000,2025:6000",
            "/api/accounts/projection?coverage=12,7&population=2025:1e308",
            "/api/profile?region=3201&area=KHT&year=99999999999",
            "/api/profile?region=3201&area=KHT&year=-1",
            "/api/profile?region={LONG}&area=KHT&year=2024",
            "/api/profile?region=3201&area={LONG}&year=2024",
            "/api/profile?region=ASSS&area=KHT&year=2024",
            "/api/years?region={LONG}&area=KHT",
            "/api/years?region=3201&area={LONG}",
            "/api/years?region=ASSS&area=KHT",
            "/api/years?area=KHT",
            "/api/comparison?region=3201&indicator={LONG}&year=2024",
            "/api/comparison?region=3201&indicator=KHT.ressursbruksindikator&year=1e308",
            "/api/comparison/discrepancies?from=2024&to=2021",
            "/api/comparison/discrepancies?profile=NOPE&from=2021&to=2024",
            "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=3201&from=2024&to=2021",
            "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=3201&from=2021&to=2024&adjust=magic",
            "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=,,,&from=2021&to=2024",
            "/api/efficiency?region=3201&area=PLO&from=1&to=99999",
            "/api/efficiency?region=3201&area=PLO&from=2024&to=2021",
            "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=NaN",
            "/api/asss?indicator=KHT.ressursbruksindikator&year=2024&statistic=median",
            "/api/index?region=ASSS&indicator=KHT.ressursbruksindikator&year=2024",
            "/api/splits?table={LONG}",
            "/api/splits/home-care?region=3201&year=abc",
            "/api/revisions?region=3201&indicator={LONG}",
            "/api/indicators?area=KHT&year=abc",
            "/api/reports/kommunehelse.xlsx?region=3201&year=abc",
            "/api/reports/finnes-ikke.xlsx?region=3201&year=2024",
            "/api/workbooks/{LONG}",
            "/api/imports/-1/changes",
            "/api/resource-use?indicator=KHT.netto_driftsutgifter_per_innbygger&area=KHT&year=0",
            "/api/data/profile?region=3201&area={LONG}&year=2024",
            "/api/data/profile?region={LONG}&area=KHT&year=2024",
            "/api/data/profile?region=3201&area=KHT&year=abc",
            "/api/data/profile?region=ASSS&area=KHT&year=2024",
            "/api/data/profile?region=3201&area=KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT,KHT&year=2024",
            "/api/data/profile?region=3201&area=KHT&year=2024&format=xml",
            "/api/data/series?region=ASSS&area=KHT&year=2024",
            "/api/data/series?region=3201&area={LONG}&year=2024",
            "/api/data/efficiency?region=ASSS&area=KHT&year=2024",
            "/api/data/efficiency?region=3201&area=KHT&year=-1",
            "/api/data/splits?table={LONG}",
            "/api/reports/kommunehelse.xlsx?region=3201&year=2024&refreshable=maybe"})
    void aHostileParameterIsA4xxThatSaysWhy(String template) {
        String route = template.replace("{LONG}", LONG);
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            var response = client.get(route);
            String body = response.body().string();

            assertThat(response.code()).as(template + " → " + body).isBetween(400, 499);
            JsonNode error = Json.MAPPER.readTree(body);
            assertThat(error.path("error").asText()).as(template).isNotBlank();
        });
    }

    @Test
    void aCoverageOver100PercentNamesTheParameterAndItsRange() {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            var response = client.get("/api/accounts/projection?coverage=150&population=2025:5000");

            assertThat(response.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body().string()).path("error").asText())
                    .isEqualTo("Parameteren 'coverage' må være fra 0 til 100, fikk 150");
        });
    }
}

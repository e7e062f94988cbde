package no.kostra.web;

import static no.kostra.support.Http.find;
import static no.kostra.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/splits on the cost tables of 001 (PLO): shares per unit, set beside the pie charts' printed percentages. */
class SplitApiTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();



    @Test
    void eachUnitsShareIsItsNetExpensesOverThePrintedTotal() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode split = json(client.get("/api/splits?table=netto_hjemmetjenester&function=257%2B258")).path("split");

            JsonNode aldring = find(split.path("units"), "unit", "A 42 Aldring og mestring").path("values").get(3);
            assertThat(aldring.path("year").asInt()).isEqualTo(2024);
            assertThat(aldring.path("sharePercent").asDouble()).isCloseTo(790.0 / 1963.3 * 100, within(5e-7));
            JsonNode total2024 = split.path("totals").get(3);
            assertThat(total2024.path("printed").asDouble()).isEqualTo(1963.3);
            assertThat(total2024.path("sumOfUnits").asDouble()).isCloseTo(1963.3, within(0.1));
        });
    }

    @Test
    void thePrintedPieSharesThatDisagreeWithTheTablesAreTheOnesTheSeedReadmeNames() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            List<String> disagreeing = new ArrayList<>();
            for (String query : List.of("table=netto_hjemmetjenester&function=257%2B258", "table=brutto_institusjon")) {
                JsonNode split = json(client.get("/api/splits?" + query)).path("split");
                for (JsonNode p : split.path("printedShares")) {
                    if (p.path("agrees").isBoolean() && !p.path("agrees").asBoolean()) {
                        disagreeing.add(split.path("function").asText() + " " + p.path("unit").asText() + " "
                                + p.path("printedPercent").asInt());
                    }
                }
            }
            // seeds/README "Known inconsistencies" 5: A 80 1 % (0,35 %), institution A 68 4 % (3,42 %), A 42 74 % (73,47 %)
            assertThat(disagreeing).containsExactlyInAnyOrder("257+258 A 80 Finansiering og fellesposter 1",
                    "253+261 A 68 Organisasjon, Styring og Utvikling 4", "253+261 A 42 Aldring og mestring 74");
        });
    }

    @Test
    void homeCareCostsAreSplitBetweenTheAgeProfilesByAssignedHoursUnderTheCataloguesTitles() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // test hours, not published figures
            client.post("/api/reference/home_care_hours.csv", """
                    region,year,profile,hours,source
                    3201,2024,PLO_0_66,30000,test hours
                    3201,2024,PLO_67,45000,test hours
                    """, r -> { });

            JsonNode split = json(client.get("/api/splits/home-care?region=3201&year=2024")).path("homeCare");

            assertThat(split.path("total").asDouble()).isEqualTo(1963.3);
            JsonNode young = split.path("parts").get(0);
            JsonNode old = split.path("parts").get(1);
            assertThat(young.path("profile").asText()).isEqualTo("PLO_0_66");
            assertThat(young.path("title").asText()).isEqualTo("Pleie og omsorg – innbyggere 0–66 år");
            assertThat(young.path("cost").asDouble()).isCloseTo(1963.3 * 30000 / 75000, within(5e-7));
            assertThat(old.path("title").asText()).isEqualTo("Pleie og omsorg – innbyggere 67 år og eldre");
            assertThat(old.path("cost").asDouble()).isCloseTo(1963.3 * 45000 / 75000, within(5e-7));
            assertThat(old.path("sharePercent").asDouble()).isCloseTo(60.0, within(5e-7));
        });
    }

    @Test
    void theSplitTakesEveryProfileWithHoursInTheCatalogueOrder() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // test hours: a third profile's hours are split off as well
            client.post("/api/reference/home_care_hours.csv", """
                    region,year,profile,hours,source
                    3201,2024,PLO_67,45000,test hours
                    3201,2024,PLO_TTU,5000,test hours
                    3201,2024,PLO_0_66,30000,test hours
                    """, r -> { });

            JsonNode parts = json(client.get("/api/splits/home-care?region=3201&year=2024")).path("homeCare").path("parts");

            assertThat(parts).extracting(p -> p.path("profile").asText()).containsExactly("PLO_0_66", "PLO_67", "PLO_TTU");
            assertThat(parts.get(2).path("cost").asDouble()).isCloseTo(1963.3 * 5000 / 80000, within(5e-7));
            assertThat(parts.get(0).path("sharePercent").asDouble()).isCloseTo(37.5, within(5e-7));
        });
    }

    @Test
    void hoursForAProfileTheCatalogueLacksAreRefusedNamingLineAndColumn() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.post("/api/reference/home_care_hours.csv", """
                    region,year,profile,hours,source
                    3201,2024,PLO_0_66,30000,test hours
                    3201,2024,PLO_80,45000,test hours
                    """);

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("Ugyldig fil: home_care_hours.csv linje 3, kolonne profile:"
                    + " ukjent tjenesteprofil PLO_80; profilene er KHT, PLO, PLO_0_66, PLO_67, PLO_TTU, BHG, GRS, BVT, SOS, SAM, EIE og BYG");
        });
    }

    @Test
    void withoutHoursTheHomeCareSplitSaysWhatIsMissing() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/splits/home-care?region=3201&year=2024");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).path("error").asText()).isEqualTo("Mangler tall for å fordele hjemmetjenestene for Bærum"
                    + " i 2024: trenger netto driftsutgifter (Totalt i netto_hjemmetjenester) og tildelte timer per uke for minst"
                    + " to tjenesteprofiler (importer home_care_hours.csv med kolonnene region,year,profile,hours,source)");
        });
    }
}

package no.kostra.web;

import static no.kostra.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/efficiency on the real app with the seeds' published statements (000 and 001, 2024). */
class EfficiencyApiTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();


    @Test
    void ploEfficiencyIsMinus82PercentFromCost95AndProduction05() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/efficiency?region=3201&area=PLO&from=2023&to=2024");

            assertThat(response.code()).isEqualTo(200);
            JsonNode efficiency = json(response).path("efficiency");
            assertThat(efficiency.path("region").path("code").asText()).isEqualTo("3201");
            assertThat(efficiency.path("area").asText()).isEqualTo("PLO");
            // 2023 is derived from 2024's levels and stated changes: C = 1,095 − 0,02, P = 1,005 − 0,007
            JsonNode y2023 = efficiency.path("years").get(0);
            assertThat(y2023.path("year").asInt()).isEqualTo(2023);
            assertThat(y2023.path("basis").asText()).isEqualTo("derived");
            assertThat(y2023.path("costIndex").asDouble()).isCloseTo(1.075, within(5e-7));
            assertThat(y2023.path("productionIndex").asDouble()).isCloseTo(0.998, within(5e-7));
            JsonNode y2024 = efficiency.path("years").get(1);
            assertThat(y2024.path("year").asInt()).isEqualTo(2024);
            assertThat(y2024.path("costIndex").asDouble()).isCloseTo(1.095, within(5e-7));
            assertThat(y2024.path("productionIndex").asDouble()).isCloseTo(1.005, within(5e-7));
            assertThat(y2024.path("efficiency").asDouble()).isCloseTo(1.005 / 1.095 - 1, within(5e-7));
            assertThat(y2024.path("basis").asText()).isEqualTo("published");
            assertThat(y2024.path("costChangePp").asDouble()).isCloseTo(2.0, within(5e-7));
            assertThat(y2024.path("productionChangePp").asDouble()).isCloseTo(0.7, within(5e-7));

            String narrative = efficiency.path("narrative").toString();
            assertThat(narrative).contains("Brutto driftsutgifter i Bærum var i 2024 9,5 prosent høyere enn ASSS-snittet, en økning på 2 prosentpoeng fra 2023.");
            assertThat(narrative).contains("Produksjonen var 0,5 prosent høyere enn ASSS-snittet, en økning på 0,7 prosentpoeng fra 2023.");
            // 2023: 0,998 / 1,075 − 1 = −7,2 %, so the fall the table shows is 8,2 − 7,2 = 1 point
            assertThat(narrative).contains("Effektiviteten var 8,2 prosent lavere enn ASSS-snittet, en nedgang på 1 prosentpoeng fra 2023.");
            assertThat(narrative).contains("Tallene for 2023 er regnet ut fra nivået i 2024 og endringen fra 2023 som rapporten oppgir.");
            assertThat(narrative).doesNotContain("0,082");
        });
    }

    @Test
    void kommunehelseEfficiencyIs21PercentOverWithCost021Under() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode efficiency = json(client.get("/api/efficiency?region=3024&area=KHT&from=2024&to=2024")).path("efficiency");
            JsonNode y2024 = efficiency.path("years").get(0);

            assertThat(y2024.path("costIndex").asDouble()).isCloseTo(0.9979, within(5e-7));
            assertThat(y2024.path("efficiency").asDouble()).isCloseTo(0.021, within(5e-7));
            assertThat(y2024.path("productionIndex").asDouble()).isCloseTo(1.021 * 0.9979, within(5e-7));
            assertThat(y2024.path("costChangePp").asDouble()).isEqualTo(-3.3);
            // 000: "… var 0,21 prosent lavere enn ASSS-snittet, noe som tilsvarer en nedgang med 3,3 prosentpoeng …"
            assertThat(efficiency.path("narrative").toString())
                    .contains("Brutto driftsutgifter i Bærum var i 2024 0,21 prosent lavere enn ASSS-snittet, en nedgang på 3,3 prosentpoeng fra 2023.")
                    .contains("Effektiviteten var 2,1 prosent høyere enn ASSS-snittet.");
        });
    }

    @Test
    void theSameSplitComesAsCsvForNorwegianExcel() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/efficiency?region=3201&area=PLO&from=2024&to=2024&format=csv");

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/csv");
            String[] lines = response.body().string().replace("\uFEFF", "").split("\r\n");
            assertThat(lines[0]).isEqualTo("region;område;år;kostnadsindeks;produksjonsindeks;effektivitet;grunnlag;"
                    + "endring_kostnad_pp;endring_produksjon_pp;endring_effektivitet_pp");
            assertThat(lines[1]).startsWith("3201;PLO;2024;1,095;1,005;-0,08219");
        });
    }

    @Test
    void withItsComponentsStoredAYearIsComputedFromTheIndicatorsAndShowsEachContribution() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // the weights and need indices are test data; the indicator values are 000's profile table for 2024
            client.post("/api/reference/efficiency_components.csv", """
                    area,role,indicator,weight,source
                    KHT,cost,KHT.brutto_driftsutgifter_per_innbygger,,test weights
                    KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.6,test weights
                    KHT,production,KHT.malt_produksjon_helsestasjon,0.4,test weights
                    """, r -> { });
            client.post("/api/reference/expense_need.csv", """
                    region,area,year,need_index,source
                    3201,KHT,2024,0.98,test index
                    ASSS,KHT,2024,1.01,test index
                    """, r -> { });

            JsonNode y2024 = json(client.get("/api/efficiency?region=3201&area=KHT&from=2024&to=2024"))
                    .path("efficiency").path("years").get(0);

            double c = (5237 / 0.98) / (5126 / 1.01);
            double p = 0.6 * (749.0 / 746) + 0.4 * (35.37 / 37.49);
            assertThat(y2024.path("basis").asText()).isEqualTo("computed");
            assertThat(y2024.path("costIndex").asDouble()).isCloseTo(c, within(5e-7));
            assertThat(y2024.path("productionIndex").asDouble()).isCloseTo(p, within(5e-7));
            assertThat(y2024.path("efficiency").asDouble()).isCloseTo(p / c - 1, within(5e-7));
            JsonNode contribution = y2024.path("contributions").get(1);
            assertThat(contribution.path("indicator").asText()).isEqualTo("KHT.malt_produksjon_helsestasjon");
            assertThat(contribution.path("ratio").asDouble()).isCloseTo(35.37 / 37.49, within(5e-7));
            assertThat(contribution.path("contribution").asDouble()).isCloseTo(0.4 * (35.37 / 37.49), within(5e-7));
            // 35,37 / 37,49 = 0,9435: 5,7 % under; 0,4 × 0,9435 = 0,377
            assertThat(json(client.get("/api/efficiency?region=3201&area=KHT&from=2024&to=2024")).path("efficiency")
                    .path("narrative").toString()).contains("Målt produksjon i helsestasjonen (vekt 0,40) ligger"
                    + " 5,7 prosent lavere enn ASSS-snittet og bidrar med 0,377 til produksjonsindeksen.");
        });
    }

    @Test
    void componentsAndWeightsHoldForTheYearsTheyAreGivenFor() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given the weights KS used until 2023 and the ones from 2024 (test weights), and need indices for 2024
            Response imported = client.post("/api/reference/efficiency_components.csv", """
                    area,role,indicator,weight,source,first_year,last_year
                    KHT,cost,KHT.brutto_driftsutgifter_per_innbygger,,test weights,2021,
                    KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.5,old weights,2021,2023
                    KHT,production,KHT.malt_produksjon_helsestasjon,0.5,old weights,2021,2023
                    KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.6,new weights,2024,
                    KHT,production,KHT.malt_produksjon_helsestasjon,0.4,new weights,2024,
                    """);
            assertThat(imported.code()).as(imported.body().string()).isEqualTo(200);
            client.post("/api/reference/expense_need.csv", """
                    region,area,year,need_index,source
                    3201,KHT,2024,0.98,test index
                    ASSS,KHT,2024,1.01,test index
                    """, r -> { });

            // when 2024 is computed
            JsonNode y2024 = json(client.get("/api/efficiency?region=3201&area=KHT&from=2024&to=2024"))
                    .path("efficiency").path("years").get(0);

            // then it uses the weights that hold for 2024
            assertThat(y2024.path("basis").asText()).isEqualTo("computed");
            assertThat(y2024.path("productionIndex").asDouble()).isCloseTo(0.6 * (749.0 / 746) + 0.4 * (35.37 / 37.49), within(5e-7));
            assertThat(y2024.path("contributions").get(0).path("weight").asDouble()).isEqualTo(0.6);
        });
    }

    @Test
    void weightsThatDoNotSumToOneWithinTheirFirstYearAreRefusedNamingTheYear() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response refused = client.post("/api/reference/efficiency_components.csv", """
                    area,role,indicator,weight,source,first_year,last_year
                    KHT,production,KHT.konsultasjoner_fastlege_per_1000,0.5,new weights,2024,
                    KHT,production,KHT.malt_produksjon_helsestasjon,0.4,new weights,2024,
                    """);

            assertThat(refused.code()).isEqualTo(400);
            assertThat(json(refused).path("error").asText()).contains("produksjonsvektene for KHT fra 2024 må summere til 1");
        });
    }

    @Test
    void publishedStatementsForAnotherYearImportInTheSeedsFormatWithAnEmptyQuote() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given KS's statements for 2022, as the seeds write them, without a quote
            Response imported = client.post("/api/reference/efficiency.csv", """
                    area,region,year,measure,kind,value,source,quote
                    PLO,3201,2022,cost,level_percent,7.5,KS effektivitetsanalyse 2022,
                    PLO,3201,2022,efficiency,level_percent,-5,KS effektivitetsanalyse 2022,
                    """);
            assertThat(imported.code()).as(imported.body().string()).isEqualTo(200);

            // when 2022 is asked for
            JsonNode y2022 = json(client.get("/api/efficiency?region=3201&area=PLO&from=2022&to=2022"))
                    .path("efficiency").path("years").get(0);

            // then it is the published statement: C = 1,075, E = -0,05, and P = (1 + E) × C
            assertThat(y2022.path("basis").asText()).isEqualTo("published");
            assertThat(y2022.path("costIndex").asDouble()).isCloseTo(1.075, within(5e-7));
            assertThat(y2022.path("efficiency").asDouble()).isCloseTo(-0.05, within(5e-7));
            assertThat(y2022.path("productionIndex").asDouble()).isCloseTo(0.95 * 1.075, within(5e-7));
        });
    }

    @Test
    void anUnknownAreaIsNotFoundAndNamesTheKnownOnes() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/efficiency?region=3201&area=XYZ&from=2024&to=2024");

            assertThat(response.code()).isEqualTo(404);
            JsonNode body = json(response);
            assertThat(body.path("error").asText()).isEqualTo("Fant ikke tjenesteområde XYZ");
            assertThat(body.path("detail").path("known").toString()).contains("KHT", "PLO");
        });
    }

    @Test
    void yearsWithoutEfficiencyFiguresAreNotFoundNamingTheAreaAsAPersonWould() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/efficiency?region=3201&area=KHT&from=2015&to=2016");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).path("error").asText())
                    .isEqualTo("Ingen effektivitetstall i Kommunehelse for Bærum 2015–2016");
        });
    }
}

package no.kostra.web;

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

/**
 * GET /api/series on the real app: the KHT net-expense series of 000 (Bærum 3024/3201, ASSS, Asker 3025/3203).
 * The deflators imported here are round test rates (2 %, 3 %, 4 %), not published ones; the product ships none.
 */
class SeriesApiTest {
    private static final String SERIES = "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=3201,ASSS,3203&from=2021&to=2024";
    private static final String TEST_DEFLATORS = """
            year,deflator_percent,source
            2022,2.0,test rate
            2023,3.0,test rate
            2024,4.0,test rate
            """;

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();


    private static List<Double> values(JsonNode line, String field) {
        List<Double> out = new ArrayList<>();
        line.path("values").forEach(v -> out.add(v.path(field).isNull() ? null : v.path(field).asDouble()));
        return out;
    }

    @Test
    void aNominalSeriesJoinsBaerumsOldAndNewCodesAndSaysItIsNotAdjusted() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get(SERIES);

            assertThat(response.code()).isEqualTo(200);
            JsonNode series = json(response).path("series");
            assertThat(series.path("indicator").path("unit").asText()).isEqualTo("kroner");
            assertThat(series.path("adjust").asText()).isEqualTo("none");
            assertThat(series.path("adjustment").asText()).isEqualTo("Nominelle tall, ikke justert.");
            assertThat(series.path("years").toString()).isEqualTo("[2021,2022,2023,2024]");
            JsonNode lines = series.path("lines");
            assertThat(lines.get(0).path("region").path("name").asText()).isEqualTo("Bærum");
            assertThat(values(lines.get(0), "value")).containsExactly(6128.0, 5127.0, 4855.0, 4537.0);
            assertThat(values(lines.get(1), "value")).containsExactly(5997.0, 5078.0, 4829.0, 4713.0);
            assertThat(values(lines.get(2), "value")).containsExactly(5597.0, 5270.0, 4888.0, 4467.0);
            assertThat(series.path("narrative").toString())
                    .contains("Bærum har 4\u00a0537 kroner i 2024, en nedgang på 26 prosent fra 2021 (6\u00a0128 kroner).")
                    .contains("I 2024 ligger Bærum 3,7 prosent under ASSS-snittet.")
                    .contains("I 2024 ligger Bærum høyere enn Asker (4\u00a0467 kroner).");
        });
    }

    @Test
    void theRegionsOfASeriesMayBeNamedAsAPersonTypesThem() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode byCode = json(client.get(SERIES)).path("series").path("lines");
            JsonNode byName = json(client.get(SERIES.replace("regions=3201,ASSS,3203", "regions=B%C3%A6rum,asss,Asker")))
                    .path("series").path("lines");

            assertThat(byName).isEqualTo(byCode);
        });
    }

    @Test
    void kostraGroupLinesComeFromTheirPublishedMeans() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // 000: "Avtalte årsverk i helsestasjons- og skolehelsetjenesten per 10 000 innbyggere 0-20 år"; the text:
            // "Bærum kommune ligger noe under gjennomsnittet"
            JsonNode series = json(client.get("/api/series?indicator=KHT.serie_avtalte_arsverk_helsestasjon_skolehelse_0_20"
                    + "&regions=3201,KG12,KG13&from=2021&to=2024")).path("series");

            assertThat(values(series.path("lines").get(1), "value")).containsExactly(41.7, 47.2, 49.4, 49.1);
            assertThat(series.path("lines").get(1).path("basis").asText()).isEqualTo("published");
            assertThat(series.path("narrative").toString())
                    .contains("I 2024 ligger Bærum 2,2 prosent under KOSTRA-gruppe 12.")
                    .contains("I 2024 ligger Bærum 14,6 prosent under KOSTRA-gruppe 13.");
        });
    }

    @Test
    void aDeflatedSeriesIsNominalTimesTheProductOfOnePlusTheDeflatorForEachLaterYear() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response imported = client.post("/api/reference/deflators.csv", TEST_DEFLATORS, r -> { });
            assertThat(imported.code()).isEqualTo(200);

            JsonNode series = json(client.get(SERIES + "&adjust=deflator")).path("series");

            // by hand: 2021 × 1,02 × 1,03 × 1,04; 2022 × 1,03 × 1,04; 2023 × 1,04; 2024 as is
            JsonNode baerum = series.path("lines").get(0);
            List<Double> adjusted = values(baerum, "value");
            assertThat(adjusted.get(0)).isCloseTo(6128 * 1.02 * 1.03 * 1.04, within(1e-6));
            assertThat(adjusted.get(1)).isCloseTo(5127 * 1.03 * 1.04, within(1e-6));
            assertThat(adjusted.get(2)).isCloseTo(4855 * 1.04, within(1e-6));
            assertThat(adjusted.get(3)).isCloseTo(4537, within(5e-7));
            assertThat(values(baerum, "nominal")).containsExactly(6128.0, 5127.0, 4855.0, 4537.0);
            assertThat(values(baerum, "factor").get(0)).isCloseTo(1.02 * 1.03 * 1.04, within(5e-7));
            assertThat(series.path("adjust").asText()).isEqualTo("deflator");
            assertThat(series.path("adjustment").asText()).startsWith("Faste 2024-kroner: hvert års tall er multiplisert med"
                    + " (1 + kommunal deflator) for hvert senere år til og med 2024 (2022: 2,00 %; 2023: 3,00 %; 2024: 4,00 %;"
                    + " kilde: test rate)");
        });
    }

    @Test
    void aDeflatedSeriesWithoutStoredDeflatorsNamesTheMissingYears() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get(SERIES + "&adjust=deflator");

            assertThat(response.code()).isEqualTo(404);
            assertThat(json(response).path("error").asText()).startsWith("Mangler kommunal deflator for 2022–2024.");
        });
    }

    @Test
    void aNeedAdjustedSeriesDividesByTheRegionsIndexAndMarksRegionsWithoutOne() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response imported = client.post("/api/reference/expense_need.csv", """
                    region,area,year,need_index,source
                    3024,KHT,2023,0.95,test index
                    3201,KHT,2024,0.96,test index
                    """, r -> { });
            assertThat(imported.code()).isEqualTo(200);

            JsonNode lines = json(client.get(SERIES + "&adjust=need")).path("series").path("lines");

            List<Double> baerum = values(lines.get(0), "value");
            assertThat(baerum.get(0)).isNull();
            assertThat(lines.get(0).path("values").get(0).path("status").asText()).isEqualTo("..");
            assertThat(baerum.get(2)).isCloseTo(4855 / 0.95, within(5e-7));
            assertThat(baerum.get(3)).isCloseTo(4537 / 0.96, within(5e-7));
        });
    }

    @Test
    void onlyKronerCanBeAdjusted() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/series?indicator=KHT.serie_lege_arsverk&regions=3201&from=2021&to=2024&adjust=deflator");

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("«Årsverk av leger per 10 000 innbyggere (f120, f233,"
                    + " f241)» måles i årsverk; bare kronebeløp kan justeres med deflator eller utgiftsbehov");
        });
    }

    @Test
    void aBadDeflatorFileIsRefusedWithItsLineAndChangesNothing() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            long before = seeded.services().figures().dataRevision();

            Response response = client.post("/api/reference/deflators.csv",
                    "year,deflator_percent,source\n2022,2.0,test\n2023,tre,test\n", r -> { });

            assertThat(response.code()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("Ugyldig fil: deflators.csv linje 3, kolonne"
                    + " deflator_percent: ventet et tall med desimalpunktum, fant 'tre'");
            assertThat(seeded.services().figures().dataRevision()).isEqualTo(before);
        });
    }

    @Test
    void theSeriesComesAsCsvWithOneRowPerFigure() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get(SERIES, r -> r.header("Accept", "text/csv"));

            String[] lines = response.body().string().replace("\uFEFF", "").split("\r\n");
            assertThat(lines[0]).isEqualTo("indikator;region;navn;år;verdi;status;årgang;nominell;faktor;justering");
            assertThat(lines[1]).isEqualTo("KHT.serie_netto_per_innbygger;3201;Bærum;2021;6128;;final;6128;1;none");
            assertThat(lines).hasSize(13);
        });
    }
}

package no.kostra.web;

import static no.kostra.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Unit;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.CatalogRepository;
import no.kostra.store.GroupStatisticRow;
import no.kostra.store.ImportBatch;
import no.kostra.store.ObservationRow;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/comparison and /api/comparison/discrepancies on a small member-level fixture imported through the ImportWriter on top
 * of the seeds: three members' net KHT expenses per inhabitant for 2024 (Bærum's value and the published highest and
 * lowest of 000), weighted by a fixture population indicator chosen so the weighted mean is the published 4 230.
 */
class ComparisonApiTest {
    private static final String NET = "KHT.netto_driftsutgifter_per_innbygger";
    private static final String POPULATION = "TEST.innbyggere";
    private static final double BAERUM_W = 130_000;
    private static final double OSLO_W = 100_000;
    private static final double STAVANGER_W = 169_811;

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @BeforeEach
    void storeTheFixture() throws Exception {
        weighNetExpensesByAFixturePopulation();
        List<ObservationRow> rows = new ArrayList<>(List.of(
                member(NET, "3201", 4260), member(NET, "0301", 4731), member(NET, "1103", 3912),
                member(POPULATION, "3201", BAERUM_W), member(POPULATION, "0301", OSLO_W), member(POPULATION, "1103", STAVANGER_W),
                member("KHT.ressursbruksindikator", "0301", 1.083), member("KHT.ressursbruksindikator", "1103", 0.926)));
        // every other member is stored as not available (..), so the members' figures are complete for 2024
        for (String other : seeded.services().catalogs().current().membersOf("ASSS", 2024)) {
            if (!List.of("3201", "0301", "1103").contains(other)) {
                rows.add(notAvailable(NET, other));
                rows.add(notAvailable("KHT.ressursbruksindikator", other));
            }
        }
        importFigures(rows, List.of());
    }

    @Test
    void theWeightedMeanIsSumOfNumeratorsOverSumOfDenominatorsAndAgreesWithThePublishedOne() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/comparison?region=3201&indicator=" + NET + "&year=2024");

            assertThat(response.code()).isEqualTo(200);
            JsonNode c = json(response).path("comparison");
            double byHand = (4260 * BAERUM_W + 4731 * OSLO_W + 3912 * STAVANGER_W) / (BAERUM_W + OSLO_W + STAVANGER_W);
            assertThat(c.path("computed").path("mean").asDouble()).isCloseTo(byHand, within(5e-7));
            assertThat(c.path("computed").path("meanKind").asText()).isEqualTo("weighted");
            assertThat(c.path("computed").path("counted").size()).isEqualTo(3);
            assertThat(c.path("computed").path("excluded").size()).isEqualTo(9);
            assertThat(c.path("asssMean").asDouble()).isEqualTo(4230.0);
            assertThat(c.path("asssBasis").asText()).isEqualTo("published");
            assertThat(c.path("rank").path("position").asInt()).isEqualTo(2);
            assertThat(c.path("discrepancies").size()).isZero();
            assertThat(c.path("narrative").toString()).contains("Bærum ligger 0,7 prosent over ASSS-snittet");
        });
    }

    @Test
    void theFlatMeanIsTheArithmeticMeanOfTheMembers() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode c = json(client.get("/api/comparison?region=3201&indicator=KHT.ressursbruksindikator&year=2024")).path("comparison");

            // Bærum's 0,972 comes from the seeds; Oslo 1,083 and Stavanger 0,926 from the fixture
            assertThat(c.path("computed").path("mean").asDouble()).isCloseTo((0.972 + 1.083 + 0.926) / 3, within(5e-7));
            assertThat(c.path("computed").path("meanKind").asText()).isEqualTo("flat");
        });
    }

    @Test
    void aDeliberatelyAlteredPublishedMeanShowsUpInTheDiscrepancyList() throws Exception {
        importFigures(List.of(), List.of(new GroupStatisticRow(NET, "ASSS", 2024, Statistic.MEAN, Figure.of(4300),
                "test: altered published mean", null)));

        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            Response response = client.get("/api/comparison/discrepancies?indicator=" + NET + "&from=2024&to=2024");

            JsonNode list = json(response).path("discrepancies");
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).path("statistic").asText()).isEqualTo("mean");
            assertThat(list.get(0).path("published").asDouble()).isEqualTo(4300.0);
            assertThat(list.get(0).path("computed").asDouble()).isEqualTo(4230.0);
            assertThat(list.get(0).path("difference").asDouble()).isEqualTo(-70.0);

            String csv = client.get("/api/comparison/discrepancies?indicator=" + NET + "&from=2024&to=2024&format=csv").body().string();
            assertThat(csv).contains(NET + ";ASSS;2024;mean;4300;4230;-70");
        });
    }

    @Test
    void theDiscrepanciesOfSeveralIndicatorsAndGroupsInOneCallAreThoseOfEachAlone() throws Exception {
        importFigures(List.of(), List.of(new GroupStatisticRow(NET, "ASSS", 2024, Statistic.MEAN, Figure.of(4300),
                "test: altered published mean", null)));
        var comparisons = seeded.services().analysis().comparisons();
        List<String> indicators = List.of(NET, "KHT.ressursbruksindikator");
        List<String> groups = List.of("ASSS", "KG12");

        var together = comparisons.discrepancies(indicators, groups, 2024, 2024);

        List<no.kostra.compute.asss.Discrepancy> oneByOne = new ArrayList<>();
        indicators.forEach(i -> groups.forEach(g -> oneByOne.addAll(comparisons.discrepancies(i, null, g, 2024, 2024))));
        assertThat(together).containsExactlyInAnyOrderElementsOf(oneByOne);
        // NET: Bærum 4260, Oslo 4731, Stavanger 3912 weighted by the fixture population against the altered 4300;
        // the resource-use index: the flat mean of Bærum's seeded 0.972, Oslo 1.083, Stavanger 0.926 = 0.994 against 1.0.
        assertThat(together).extracting(d -> d.indicator() + " " + d.group() + " " + d.published() + " " + d.computed())
                .containsExactlyInAnyOrder(NET + " ASSS 4300.0 4230.0", "KHT.ressursbruksindikator ASSS 1.0 0.994");
    }

    @Test
    void theComparisonListsAskerAndTheKostraGroupsWhereStored() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode c = json(client.get("/api/comparison?region=3201&indicator=KHT.serie_netto_per_innbygger&year=2024"))
                    .path("comparison");

            List<String> others = new ArrayList<>();
            c.path("others").forEach(o -> others.add(o.path("code").asText() + "=" + o.path("value").asDouble()));
            assertThat(others).containsExactly("3203=4467.0");
            assertThat(c.path("others").get(0).path("deviationPercent").asDouble()).isCloseTo((4537.0 / 4467 - 1) * 100, within(5e-7));
            assertThat(c.path("deviationPercent").asDouble()).isCloseTo((4537.0 / 4713 - 1) * 100, within(5e-7));
            assertThat(c.path("narrative").toString()).contains("Bærum ligger høyere enn Asker (4\u00a0467).");
        });
    }

    @Test
    void membersWithoutAStoredFigureLeaveTheComputedMeanOutRatherThanAverageTheRest() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // only Bærum's own PLO figures are stored: no computed ASSS mean, so no discrepancy either
            JsonNode c = json(client.get("/api/comparison?region=3201&indicator=PLO.sykefravaer&year=2024")).path("comparison");

            assertThat(c.path("computed").isNull()).isTrue();
            assertThat(c.path("discrepancies").size()).isZero();
            assertThat(c.path("asssMean").asDouble()).isEqualTo(9.23);
            assertThat(c.path("asssBasis").asText()).isEqualTo("published");
        });
    }

    @Test
    void withoutMemberValuesThePublishedHighestStillMakesTheMunicipalityHighest() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // 001 TTU: "Bærum fortsatt har ASSS-nettverkets høyeste samlede utgifter … nesten 35 prosent over ASSS-snittet"
            JsonNode c = json(client.get("/api/comparison?region=3201&indicator=PLO.ttu_utgifter_per_utviklingshemmet&year=2024"))
                    .path("comparison");

            assertThat(c.path("narrative").toString()).contains("Bærum ligger 34,7 prosent over ASSS-snittet")
                    .contains("Bærum er høyest i ASSS.");
        });
    }

    @Test
    void theRessursbruksindikatorIsSpendingOverNeedRelativeToTheFlatMeanOfTheMembers() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            client.post("/api/reference/expense_need.csv", """
                    region,area,year,need_index,source
                    3201,KHT,2024,1.02,test index
                    0301,KHT,2024,0.95,test index
                    1103,KHT,2024,1.00,test index
                    """, r -> { });

            JsonNode members = json(client.get("/api/resource-use?indicator=" + NET + "&area=KHT&year=2024")).path("resourceUse");

            double mean = (4260 / 1.02 + 4731 / 0.95 + 3912 / 1.00) / 3;
            assertThat(members.size()).isEqualTo(3);
            JsonNode baerum = members.get(0).path("region").asText().equals("3201") ? members.get(0)
                    : members.get(1).path("region").asText().equals("3201") ? members.get(1) : members.get(2);
            assertThat(baerum.path("ratio").asDouble()).isCloseTo(4260 / 1.02, within(5e-7));
            assertThat(baerum.path("indicator").asDouble()).isCloseTo(4260 / 1.02 / mean, within(5e-7));
        });
    }

    private void weighNetExpensesByAFixturePopulation() {
        Catalog fromSeeds = seeded.services().catalogs().current();
        List<Indicator> indicators = new ArrayList<>();
        for (Indicator i : fromSeeds.indicators()) {
            indicators.add(i.id().equals(NET) ? new Indicator(i.id(), i.area(), i.sortOrder(), i.name(),
                    i.unit(), i.decimals(), i.meanKind(), i.higherIsMore(), i.source(), POPULATION) : i);
        }
        indicators.add(new Indicator(POPULATION, "KHT", 99, "Innbyggere (testvekt)", Unit.ANTALL, 0,
                MeanKind.WEIGHTED, true, "test fixture", null));
        Catalog withWeights = new Catalog(fromSeeds.regions(), fromSeeds.codeChanges(), fromSeeds.memberships(),
                fromSeeds.profiles(), indicators, fromSeeds.profileEntries());
        seeded.services().database().inTransaction(c -> {
            CatalogRepository.save(c, withWeights);
            return null;
        });
    }

    private void importFigures(List<ObservationRow> observations, List<GroupStatisticRow> statistics) {
        seeded.services().importWriter().write(new ImportBatch("test", "fixture", "fixture-" + observations.size() + "-" + statistics.size(),
                Vintage.FINAL, observations, statistics, 0));
    }

    private static ObservationRow notAvailable(String indicator, String region) {
        return new ObservationRow(indicator, region, region, 2024, Figure.missing(Status.NOT_AVAILABLE), "test fixture", null);
    }

    private static ObservationRow member(String indicator, String region, double value) {
        return new ObservationRow(indicator, region, region, 2024, Figure.of(value), "test fixture", null);
    }

}

package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An update of report year 2025 against the recorded answers. The expected figures are worked out by hand from the
 * fixture formulas in ingest/ssb/update/make_fixtures.py: 07459 has base + 5 × (year − 2023) inhabitants in each of
 * its 2 × 106 sex and age cells (Bærum base 600, Asker 450, Oslo 3000); 12367's net expenses on functions 232, 233 and
 * 241 are 150 000, 40 000 and 210 000 (× 5 for Oslo) + 1000 × (year − 2023) each, in 1000 kr; 11996's doctors' FTEs
 * on functions 120, 233 and 241 are 20, 40 and 50 (× 6 for Oslo) + 0.5 × (year − 2023) each; 12292's home-care users
 * aged 80 and over are 1400 (× 5 for Oslo) + 10 × (year − 2023), Asker's 2024 figure confidential.
 */
class UpdaterTest {
    private static final UpdateRequest MARCH = UpdateRequest.forReportYear(2025, Vintage.PRELIMINARY);
    private final StatBankFixture fixture;

    UpdaterTest() throws Exception {
        fixture = new StatBankFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<Integer, Figure> stored(String indicator, String region) {
        return fixture.services.figures().municipalityFigures(List.of(indicator), region, 2023, 2025)
                .getOrDefault(indicator, Map.of());
    }

    @Test
    void anUpdateForAYearImportsEveryMappedIndicatorForTheYearsItsProfileShowsAsOneImport() throws Exception {
        UpdateSummary summary = fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        assertThat(summary.years()).containsExactly(2023, 2024, 2025);
        assertThat(summary.tables()).extracting(UpdateSummary.Table::table).containsExactly("07459", "11996", "12255", "12275", "12279", "12286", "12292", "12367", "13502");
        assertThat(summary.indicators()).contains("KHT.netto_driftsutgifter_per_innbygger", "PLO.andel_80_hjemmetjeneste");
        assertThat(summary.importId()).isPositive();
        assertThat(summary.added()).isEqualTo(summary.report().added()).isPositive();
        assertThat(summary.report().vintage()).isEqualTo("preliminary");
        // net expenses per inhabitant = (232 + 233 + 241) × 1000 kr / inhabitants
        Map<Integer, Figure> net = stored("KHT.netto_driftsutgifter_per_innbygger", "3201");
        assertThat(net.get(2025).value()).isCloseTo(406_000 * 1000.0 / (610 * 212), within(1e-6));
        assertThat(net.get(2024).value()).isCloseTo(403_000 * 1000.0 / (605 * 212), within(1e-6));
        assertThat(net.get(2023).value()).isCloseTo(400_000 * 1000.0 / (600 * 212), within(1e-6)); // under 3024
        assertThat(stored("KHT.netto_driftsutgifter_per_innbygger", "0301").get(2025).value())
                .isCloseTo((400_000 * 5 + 3 * 2000) * 1000.0 / (3010 * 212), within(1e-6));
        assertThat(stored("KHT.brutto_driftsutgifter_per_innbygger", "3201").get(2025).value())
                .isCloseTo((406_000 + 3 * 25_000) * 1000.0 / (610 * 212), within(1e-6));
        // doctors' FTEs per 10 000 inhabitants
        assertThat(stored("KHT.arsverk_leger_per_10000", "3203").get(2025).value())
                .isCloseTo((20 + 40 + 50 + 3 * 1.0) * 10_000 / (460 * 212), within(1e-6));
        // share of inhabitants 80+ with home care, percent; Asker's 2024 count is confidential and stays a status
        assertThat(stored("PLO.andel_80_hjemmetjeneste", "3201").get(2025).value())
                .isCloseTo((1400 + 20) * 100.0 / (610 * 52), within(1e-6));
        assertThat(stored("PLO.andel_80_hjemmetjeneste", "3203").get(2024)).isEqualTo(Figure.missing(Status.CONFIDENTIAL));
        // SSB's back-filled zero row under 3201 for 2023 is not stored; 07459 has no KOSTRA groups, so group ratios are left out
        assertThat(summary.rejected()).isPositive();
        assertThat(summary.incomplete()).isPositive();
    }

    @Test
    void aKostraTableNamingMunicipalitiesAsAggKommSummerDoesIsAskedSoAndItsFiguresJoinThePopulationUnderTheNumber() throws Exception {
        // given a 12367 whose metadata names the municipalities K-3024, K-3201 and K-0301 (the groups as before)
        try (StatBankFixture aggregated = new StatBankFixture(table -> StatBankFixture.recorded(table)
                .map(dataset -> table.equals("12367") ? withAggregatedMunicipalities(dataset) : dataset))) {
            // when the update runs
            aggregated.updater().run(MARCH, aggregated.client(), UpdateProgress.none());

            // then 12367 is asked for K-numbers, and net expenses per inhabitant are 12367's K-3201 over 07459's 3201
            assertThat(aggregated.bank.requests()).filteredOn(r -> r.contains("/12367/data")).last().asString()
                    .contains("valueCodes[KOKkommuneregion0000]=K-0301,K-3024,K-3201,EAK,EKG12&");
            Map<Integer, Figure> net = aggregated.services.figures().municipalityFigures(
                    List.of("KHT.netto_driftsutgifter_per_innbygger"), "3201", 2023, 2025).get("KHT.netto_driftsutgifter_per_innbygger");
            assertThat(net.get(2024).value()).isCloseTo(403_000 * 1000.0 / (605 * 212), within(1e-6));
            assertThat(net.get(2023).value()).isCloseTo(400_000 * 1000.0 / (600 * 212), within(1e-6)); // under 3024
        }
    }

    /** The dataset with its municipality numbers written K-number, as StatBank's agg_KommSummer writes them. */
    private static com.fasterxml.jackson.databind.node.ObjectNode withAggregatedMunicipalities(
            com.fasterxml.jackson.databind.node.ObjectNode dataset) {
        var category = (com.fasterxml.jackson.databind.node.ObjectNode) dataset.path("dimension").path("KOKkommuneregion0000").path("category");
        for (String member : List.of("index", "label")) {
            var renamed = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            category.path(member).properties().forEach(e -> renamed.set(e.getKey().matches("\\d{4}") ? "K-" + e.getKey() : e.getKey(), e.getValue()));
            category.set(member, renamed);
        }
        return dataset;
    }

    @Test
    void eachFigureNamesAsItsSourceTheTableItWasReadFromOrTheNumeratorsAndTheDenominatorsTables() throws Exception {
        // given an update
        fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        // then a figure read as it stands names its table, and a ratio the numerator's and the denominator's
        assertThat(source("BHG.andel_barn_1_5_i_barnehage", "3201", 2025)).isEqualTo("SSB statistikkbanken, tabell 13502");
        assertThat(source("KHT.netto_driftsutgifter_per_innbygger", "3201", 2025))
                .isEqualTo("SSB statistikkbanken, tabell 12367/07459");
    }

    private String source(String indicator, String region, int year) {
        return fixture.current("source", indicator, region, year);
    }

    @Test
    void inhabitantsOfAllAgesAndOfSomeAgesComeFromOneCallWithEveryAgeAskedAndSexEliminated() throws Exception {
        fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        // every age listed (their sum is the total the per-inhabitant ratios above divide by), the sexes left out
        assertThat(fixture.bank.requests()).filteredOn(r -> r.contains("/07459/data")).last().asString()
                .contains("valueCodes[Alder]=000,001,").contains(",104,105%2B&").doesNotContain("Kjonn");
    }

    @Test
    void aTableLackingRegionsTheShapePlannedForIsAskedItsMetadataOnceThenInOneCallAndOnlyForDataOnTheNextUpdate() throws Exception {
        // given recorded tables that have 4 of the ASSS members the catalogue's shapes plan the first calls for
        UpdateSummary first = fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        // then each table refuses that call, its metadata is asked, and one call planned from it answers
        assertThat(fixture.bank.requests()).filteredOn(r -> r.contains("/12367/data")).last().asString()
                .contains("valueCodes[KOKart0000]=AGD2,AGD10,A590");
        assertThat(fixture.bank.requests()).filteredOn(r -> r.contains("/metadata"))
                .extracting(r -> r.replaceAll(".*/tables/(\\w+)/metadata.*", "$1"))
                .containsExactly("07459", "11996", "12255", "12275", "12279", "12286", "12292", "12367", "13502");
        assertThat(first.tables()).allSatisfy(t -> assertThat(t.pieces()).as(t.table()).isEqualTo(1));
        assertThat(first.calls()).isEqualTo(27);
        assertThat(fixture.bank.counts().data()).isEqualTo(9);

        UpdateSummary next = fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        assertThat(next.calls()).isEqualTo(9);
        assertThat(fixture.bank.counts().metadata()).isEqualTo(9);
    }

    @Test
    void theSameUpdateTwiceChangesNothing() throws Exception {
        fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());
        long revision = fixture.services.figures().dataRevision();

        UpdateSummary again = fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());

        assertThat(again.added() + again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.read() - again.rejected());
        assertThat(fixture.services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void aRefusedPieceChangesNothing() throws Exception {
        long revision = fixture.services.figures().dataRevision();
        fixture.bank.replaceData("12292", "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Tid\"],\"size\":[2],\"dimension\":{}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("ssb-12292-1.json");

        assertThat(fixture.services.figures().dataRevision()).isEqualTo(revision);
        assertThat(stored("KHT.netto_driftsutgifter_per_innbygger", "3201")).doesNotContainKey(2025);
    }

    @Test
    void progressIsReportedForEveryTableThenForTheImport() throws Exception {
        List<String> heard = new ArrayList<>();

        fixture.updater().run(MARCH, fixture.client(), new UpdateProgress() {
            @Override
            public void table(int index, int tables, String table, int percent) {
                heard.add(table + " " + (index + 1) + "/" + tables + " " + percent + "%");
            }

            @Override
            public void importing(int figures) {
                heard.add("import");
            }
        });

        List<String> tables = List.of("07459", "11996", "12255", "12275", "12279", "12286", "12292", "12367", "13502");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            for (int percent : new int[] {0, 50, 100}) {
                expected.add(tables.get(i) + " " + (i + 1) + "/9 " + percent + "%");
            }
        }
        expected.add("import");
        assertThat(heard).containsExactlyElementsOf(expected);
    }

    @Test
    void aGroupsOwnFigureIsStoredAsTheGroupsMeanUnderItsCatalogueCode() throws Exception {
        fixture.services.importer().importFile("indicator_sources.csv", ("indicator,role,table,contents,filters,factor,status,evidence\n"
                + "KHT.serie_fysioterapeut_arsverk,value,12603,KOSFysioaarsverk0000,KOKfunksjon0000=FGK241,,unverified,test fixture\n")
                .getBytes(StandardCharsets.UTF_8), new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null));

        fixture.updater().run(new UpdateRequest(2024, Vintage.FINAL, List.of(2024), false), fixture.client(), UpdateProgress.none());

        assertThat(fixture.services.figures().groupFigures(List.of("KHT.serie_fysioterapeut_arsverk"), "EAK", 2024)
                .get("KHT.serie_fysioterapeut_arsverk")).containsEntry(Statistic.MEAN, Figure.of(10.2));
        assertThat(stored("KHT.serie_fysioterapeut_arsverk", "3201").get(2024)).isEqualTo(Figure.of(8.6));
    }

    @Test
    void aSourceCodeTheTableDoesNotHaveStopsTheUpdateNamingItAndChangesNothing() throws Exception {
        fixture.services.importer().importFile("indicator_sources.csv", ("indicator,role,table,contents,filters,factor,status,evidence\n"
                + "KHT.arsverk_leger_per_10000,numerator,11996,KOSlegeaarsverk0000,KOKavtaleform0000=sum;KOKfunksjon0000=999,10000,unverified,\n")
                .getBytes(StandardCharsets.UTF_8), new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null));
        long revision = fixture.services.figures().dataRevision();

        assertThatThrownBy(() -> fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Oppdateringen stoppet ved tabell 11996: Tabell 11996 har ikke KOKfunksjon0000 999"
                        + " (sjekk indicator_sources.csv)");
        assertThat(fixture.services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void inMarchTheProfileFormsAWeightedAsssMeanFromTheMembersNumeratorsOverDenominators() throws Exception {
        // given the March update for 2025: each member's ratio and the denominator it was formed with, no KS figures
        // (the recorded answers hold Bærum and Oslo; the other members' figures come from a file, test figures)
        fixture.updater().run(MARCH, fixture.client(), UpdateProgress.none());
        var services = fixture.services;
        String indicator = "KHT.netto_driftsutgifter_per_innbygger";
        StringBuilder others = new StringBuilder("region;indicator;year;value\n");
        int k = 0;
        for (String member : List.of("4601", "3301", "3107", "4204", "1108", "1103", "5001", "5501", "3203", "3205")) {
            others.append(member).append(';').append(indicator).append(";2025;").append(4000 + 150 * k).append('\n');
            others.append(member).append(";BEF.innbyggere;2025;").append(100_000 + 20_000 * k++).append('\n');
        }
        services.importer().importFile("andre-medlemmer.csv", others.toString().getBytes(StandardCharsets.UTF_8),
                no.kostra.ingest.ImportOptions.defaults());

        // when the 2025 profile is asked for
        var row = services.profiles().profile("3201", "KHT", 2025).rows().stream()
                .filter(r -> r.indicator().equals(indicator)).findFirst().orElseThrow();

        // then its ASSS mean is computed, weighted, and equals Σ(value × inhabitants) / Σ inhabitants over the members
        double numerators = 0;
        double denominators = 0;
        for (String member : services.catalogs().current().membersOf("ASSS", 2025)) {
            double value = services.figures().municipalityFigures(List.of(indicator), member, 2025, 2025).get(indicator).get(2025).value();
            double inhabitants = services.figures().municipalityFigures(List.of("BEF.innbyggere"), member, 2025, 2025)
                    .get("BEF.innbyggere").get(2025).value();
            numerators += value * inhabitants;
            denominators += inhabitants;
        }
        assertThat(row.asss().basis()).isEqualTo("computed");
        assertThat(row.asss().meanKind()).isEqualTo("weighted");
        assertThat(row.asss().mean().value()).isCloseTo(numerators / denominators, org.assertj.core.api.Assertions.within(1e-6));
    }
}

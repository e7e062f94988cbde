package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kostra.catalog.IndicatorSource;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.YearFigure;
import no.kostra.compute.asss.Discrepancy;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Vintage;
import no.kostra.store.SourceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The new areas' profiles filled by an update from the local StatBank, and any group's mean formed from its members. */
class EveryAreaUpdateTest {
    private static final List<String> NEW_PROFILES = List.of("BHG", "GRS", "BVT", "SOS", "SAM", "EIE", "BYG");
    private final StatBankFixture fixture;

    EveryAreaUpdateTest() throws Exception {
        fixture = new StatBankFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anUpdateFillsEveryRowWithAStatBankSourceInEveryNewAreasProfile() throws Exception {
        // given the recorded answers of every table the sources name
        fixture.updater().run(UpdateRequest.forReportYear(2025, Vintage.PRELIMINARY), fixture.client(), UpdateProgress.none());
        Set<String> sourced = fixture.services.database().read(SourceRepository::all).stream().map(IndicatorSource::indicator)
                .collect(Collectors.toSet());

        for (String profile : NEW_PROFILES) {
            // when Bærum's profile of the area is asked for 2024
            List<ProfileRow> rows = fixture.services.profiles().profile("3201", profile, 2024).rows();

            // then every row is shown, and every row with a source has Bærum's 2024 figure
            assertThat(rows).as(profile).hasSize(fixture.services.catalogs().current().profileRows(profile, 2024).size());
            assertThat(rows).as(profile).filteredOn(r -> sourced.contains(r.indicator())).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.values()).as(r.indicator()).filteredOn(v -> v.year() == 2024)
                            .extracting(YearFigure::value).doesNotContainNull());
        }
        // barnevern per innbygger 0–24 år = (244 + 251 + 252 net, 1000 kr) × 1000 / inhabitants 0–24: functions
        // 13, 14, 15 of the fixture's other functions → 10 000 × (13 + 14 + 15) + 3 × 1000 (2024); 25 ages × 2 sexes × 605
        ProfileRow net = fixture.services.profiles().profile("3201", "BVT", 2024).rows().get(1);
        assertThat(net.indicator()).isEqualTo("BVT.netto_driftsutgifter_per_innbygger_0_24");
        assertThat(net.values()).filteredOn(v -> v.year() == 2024).singleElement().extracting(YearFigure::value)
                .satisfies(v -> assertThat((Double) v).isCloseTo((420_000 + 3_000) * 1000.0 / (605 * 50), within(0.5)));
        // in 2022 barnevern's layout has the 0–17 indicator instead
        assertThat(fixture.services.catalogs().current().profileRows("BVT", 2022).get(1).indicator().id())
                .isEqualTo("BVT.netto_driftsutgifter_per_innbygger_0_17");
    }

    @Test
    void aKostraGroupsMeanIsFormedFromItsMembersBesideSsbsPublishedFigure() {
        // given two of KOSTRA-gruppe 12's eleven members with figures and inhabitants, the other nine without a figure
        // (status ..), and SSB's published EKG12 figure
        StringBuilder figures = new StringBuilder("""
                region;indicator;year;value
                3201;KHT.netto_driftsutgifter_per_innbygger;2024;4 000
                3203;KHT.netto_driftsutgifter_per_innbygger;2024;5 000
                3201;BEF.innbyggere;2024;130 000
                3203;BEF.innbyggere;2024;100 000
                """);
        for (String member : List.of("4601", "5001", "1103", "4204", "3301", "3205", "3107", "1108", "5501")) {
            figures.append(member).append(";KHT.netto_driftsutgifter_per_innbygger;2024;..\n");
        }
        fixture.services.importer().importFile("kg12.csv", figures.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        fixture.services.importer().importFile("ekg12.csv", "group;indicator;year;statistic;value\nKG12;KHT.netto_driftsutgifter_per_innbygger;2024;mean;4 300\n"
                .getBytes(StandardCharsets.UTF_8), new ImportOptions(ImportFormat.CSV, null, Vintage.FINAL, null));

        // when the group's mean is formed from its members
        List<Discrepancy> listed = fixture.services.analysis().comparisons()
                .discrepancies("KHT.netto_driftsutgifter_per_innbygger", null, "KG12", 2024, 2024);

        // then it is weighted by inhabitants, (4 000 × 130 000 + 5 000 × 100 000) / 230 000 = 4 434,78…, listed beside SSB's 4 300
        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.group()).isEqualTo("KG12");
            assertThat(d.published()).isEqualTo(4300.0);
            assertThat(d.computed()).isEqualTo(4435.0);
            assertThat(d.difference()).isCloseTo(135.0, within(1e-9));
        });
    }
}

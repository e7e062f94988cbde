package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.observation.Figure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped catalogue holds the whole country: every municipality of 2024, its code history and its groups. */
class WholeCountryCatalogueTest {
    private final IngestFixture fixture = new IngestFixture();
    private final Catalog catalog = fixture.services.catalogs().current();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theCatalogueShipsThe357MunicipalitiesOf2024WithTheirCounties() {
        assertThat(catalog.regions().stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY)).hasSize(357);
        assertThat(catalog.membersOf("F-32", 2024)).contains("3201", "3203", "3205").hasSize(21);
        assertThat(catalog.regions().stream().filter(r -> r.code().startsWith("F-"))).hasSize(15);
        int inSomeCounty = catalog.regions().stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY)
                .mapToInt(r -> (int) catalog.regions().stream().filter(c -> c.code().startsWith("F-"))
                        .filter(c -> catalog.membersOf(c.code(), 2024).contains(r.code())).count()).sum();
        assertThat(inSomeCounty).isEqualTo(357);
    }

    @Test
    void baerumsSeriesJoins0219And3024And3201() {
        assertThat(catalog.findRegion("0219")).map(Region::code).contains("3201");
        assertThat(catalog.findRegion("K-3024")).map(Region::name).contains("Bærum");
        assertThat(catalog.codeInYear("3201", 2019)).isEqualTo("0219");
        assertThat(catalog.codeInYear("3201", 2023)).isEqualTo("3024");
        assertThat(catalog.codeInYear("3201", 2024)).isEqualTo("3201");
        assertThat(catalog.codesOf("3201")).containsExactly("3201", "3024", "0219");
        assertThat(catalog.endedSeries("0219")).isEmpty();
    }

    @Test
    void aMergedMunicipalitysYearsBeforeTheMergeAreItsOwnNumberNotItsParts() {
        // Lillestrøm (3205) is Sørum, Fet and Skedsmo merged as 3030 in 2020, renumbered 3205 in 2024
        assertThat(catalog.findRegion("0227")).map(Region::code).contains("3205");
        assertThat(catalog.codeInYear("3205", 2023)).isEqualTo("3030");
        assertThat(catalog.codeInYear("3205", 2019)).isEqualTo("3030");
        assertThat(catalog.endedSeries("0227")).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("0227 Fet ble slått sammen med 0226 Sørum og 0231 Skedsmo til 3030 i 2020; tallet gjelder bare en del av kommunen"));
        // Trondheim keeps its series through 2018's renumbering; Klæbu, merged in 2020, is a part
        assertThat(catalog.codeInYear("5001", 2017)).isEqualTo("1601");
        assertThat(catalog.codeInYear("5001", 2019)).isEqualTo("5001");
        assertThat(catalog.endedSeries("5030")).isPresent();
    }

    @Test
    void aDividedMunicipalitysSeriesIsCarriedByNeitherSuccessor() {
        // Ålesund (1507, 2020–2023) became 1508 Ålesund and 1580 Haram in 2024
        assertThat(catalog.findRegion("1507")).isEmpty();
        assertThat(catalog.endedSeries("1507")).hasValue(
                "1507 Ålesund ble delt i 1508 Ålesund og 1580 Haram i 2024; tall for den delte kommunen føres ikke videre");
        assertThat(catalog.codeInYear("1508", 2023)).isEqualTo("1508");
        // Hitra received part of Snillfjord in 2020 and keeps its own series
        assertThat(catalog.codeInYear("5056", 2019)).isEqualTo("5013");
    }

    @Test
    void anImportStoresAMergedMunicipalitysFigureAndRejectsItsPartsAndADividedOnesWithTheReason() {
        // given figures under Lillestrøm's number of 2019–2023, under Fet (a part) and under 1507 (divided in 2024)
        String csv = """
                region;indicator;year;value
                3030;KHT.netto_driftsutgifter_per_innbygger;2019;3 100
                0227;KHT.netto_driftsutgifter_per_innbygger;2019;2 900
                1507;KHT.netto_driftsutgifter_per_innbygger;2023;3 300
                K-3024;KHT.netto_driftsutgifter_per_innbygger;2023;3 571
                """;

        // when they are imported
        ImportReport report = fixture.services.importer().importFile("kommuner.csv", csv.getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());

        // then Lillestrøm's and Bærum's (StatBank's K-3024) are stored, the others are rejected with their reasons
        assertThat(report.added() + report.changed()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::reason).containsExactly(
                "0227 Fet ble slått sammen med 0226 Sørum og 0231 Skedsmo til 3030 i 2020; tallet gjelder bare en del av kommunen",
                "1507 Ålesund ble delt i 1508 Ålesund og 1580 Haram i 2024; tall for den delte kommunen føres ikke videre");
        assertThat(figure("3205", 2019)).isEqualTo(Figure.of(3100));
        assertThat(figure("3201", 2023)).isEqualTo(Figure.of(3571));
    }

    private Figure figure(String region, int year) {
        return fixture.services.figures().municipalityFigures(List.of("KHT.netto_driftsutgifter_per_innbygger"), region, year, year)
                .get("KHT.netto_driftsutgifter_per_innbygger").get(year);
    }
}

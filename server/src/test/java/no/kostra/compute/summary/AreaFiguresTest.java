package no.kostra.compute.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.barometer.Place;
import no.kostra.compute.barometer.Standings;
import no.kostra.compute.efficiency.EfficiencyCalculator;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.efficiency.PublishedEfficiency;
import org.junit.jupiter.api.Test;

/** The summary's levels and findings, from the seed reports' statements (000, 001) and 003's places, worked by hand. */
class AreaFiguresTest {
    /** 000: cost 0,21 % under ASSS (−3,3 pp from 2023), production +2 pp, efficiency 2,1 % over. */
    private static final List<EfficiencyYear> KHT = EfficiencyCalculator.split(2021, 2024, Map.of(),
            Map.of(2024, new PublishedEfficiency(2024, -0.21, null, 2.1, -3.3, 2.0, null)));
    /** 001: cost 9,5 % over (+2 pp), production 0,5 % over (+0,7 pp). */
    private static final List<EfficiencyYear> PLO = EfficiencyCalculator.split(2021, 2024, Map.of(),
            Map.of(2024, new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, 0.7, null)));

    @Test
    void theReportYearsLevelsAreTheStatementsAndEfficiencyIsFormedFromCostAndProductionAsTheCellFormulaIs() {
        Levels kht = Levels.in(KHT, 2024).orElseThrow();
        Levels plo = Levels.in(PLO, 2024).orElseThrow();

        assertThat(kht.cost()).isEqualTo(-0.21);
        assertThat(kht.production()).isEqualTo(1.88559); // (1 + 2,1 %) × (1 − 0,21 %) − 1
        assertThat(kht.efficiency()).isCloseTo(2.1, within(1e-6));
        assertThat(plo.efficiency()).isCloseTo(-8.219178, within(1e-6)); // 1,005 / 1,095 − 1
    }

    @Test
    void theYearBeforeIsTheLevelLessTheStatedChangeAndOnlyWhereTheStatementGivesTheChange() {
        Levels kht2023 = Levels.before(KHT, 2024).orElseThrow();
        Levels plo2023 = Levels.before(PLO, 2024).orElseThrow();

        assertThat(kht2023.year()).isEqualTo(2023);
        assertThat(kht2023.cost()).isEqualTo(3.09); // −0,21 + 3,3
        assertThat(kht2023.production()).isEqualTo(-0.11441); // 1,88559 − 2
        assertThat(kht2023.efficiency()).isCloseTo(-3.108362, within(1e-6));
        assertThat(plo2023.cost()).isEqualTo(7.5);
        assertThat(plo2023.production()).isCloseTo(-0.2, within(1e-9));
        assertThat(plo2023.efficiency()).isCloseTo(-7.162791, within(1e-6)); // 0,998 / 1,075 − 1
    }

    @Test
    void aLevelStoredForAnotherYearIsNeverTheYearBefore() {
        // given a 2020 and a 2022 statement beside 2024's, and none for 2023
        List<EfficiencyYear> split = EfficiencyCalculator.split(2020, 2024, Map.of(), Map.of(
                2020, new PublishedEfficiency(2020, 4.0, 3.0, null, null, null, null),
                2022, new PublishedEfficiency(2022, 6.0, 1.0, null, null, null, null),
                2024, new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, null, null)));

        Levels before = Levels.before(split, 2024).orElseThrow();

        // then 2023's cost comes from 2024's stated change, and its production, which no statement gives, is unknown
        assertThat(before.year()).isEqualTo(2023);
        assertThat(before.cost()).isEqualTo(7.5);
        assertThat(before.production()).isNull();
        assertThat(before.efficiency()).isNull();
    }

    @Test
    void threeFindingsQuoteTheFiguresAsTheTablesShowThem() {
        AreaFigures kht = new AreaFigures("KHT", "Kommunehelse", "Bærum", 2024,
                new AreaFigures.Resource("KHT.ressursbruksindikator", 0.972, 3, 1.0, -2.8, new GroupMeans.Rank(9, 10)),
                Levels.in(KHT, 2024).orElseThrow(), Levels.before(KHT, 2024).orElseThrow(), null, null,
                List.of(new AreaFigures.Deviation("KHT.ledig_listekapasitet", "ledig listekapasitet", -57.44),
                        new AreaFigures.Deviation("KHT.arsverk_leger_per_10000", "legeårsverk per 10 000 innbyggere", 5.21)),
                List.of());

        assertThat(kht.findings()).containsExactly(
                "Ressursbruken i kommunehelse var 2,8 prosent lavere enn ASSS-snittet i 2024 (ressursbruksindikatoren 0,972,"
                        + " nummer 9 av 10 i ASSS).",
                "Effektiviteten i 2024 var 2,1 prosent høyere enn ASSS-snittet: kostnadene lå 0,2 prosent under ASSS-snittet og"
                        + " produksjonen 1,9 prosent over ASSS-snittet. I 2023 var effektiviteten 3,1 prosent lavere enn ASSS-snittet.",
                "Størst avvik fra ASSS-snittet i 2024 har ledig listekapasitet, 57,4 prosent under ASSS-snittet.");
    }

    @Test
    void anAreaWithoutResourceUseOrEfficiencyIsToldByItsDeviationsAndItsBarometerPlace() {
        // 003, grunnskole 2018: "Netto driftsutgifter per elev er 7 prosent lavere", "spesialundervisning er 37 prosent
        // under", "rangert på 7. plass i Kommunebarometeret for 2019" (of 422)
        Standings barometer = Standings.of(2019, "3201", "Bærum",
                List.of(new Place(2019, "3201", "Bærum", "Grunnskole", 7, 422, null)), List.of("Grunnskole"), List.of("3201", "0301"));
        AreaFigures grunnskole = new AreaFigures("GRS", "Grunnskole", "Bærum", 2018, null, null, null, barometer, "Grunnskole",
                List.of(new AreaFigures.Deviation("GRS.netto_per_elev", "netto driftsutgifter per elev", -7.0),
                        new AreaFigures.Deviation("GRS.andel_spesialundervisning", "andelen elever med spesialundervisning", -37.0)),
                List.of());

        assertThat(grunnskole.findings()).containsExactly(
                "Størst avvik fra ASSS-snittet i 2018 har andelen elever med spesialundervisning, 37,0 prosent under ASSS-snittet.",
                "Kommunebarometeret 2019 (KOSTRA-tall for 2018), grunnskole: Bærum er rangert på 7. plass av 422.",
                "Deretter følger netto driftsutgifter per elev, 7,0 prosent under ASSS-snittet.");
    }

    @Test
    void anAreaWithNothingStoredSaysSo() {
        AreaFigures empty = new AreaFigures("GRS", "Grunnskole", "Bærum", 2024, null, null, null, null, null, List.of(), List.of());

        assertThat(empty.findings()).containsExactly("Ingen tall for grunnskole for Bærum i 2024 er lagret.");
    }
}

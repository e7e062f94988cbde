package no.kostra.compute.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EfficiencyCalculatorTest {
    private static final double EPS = 1e-12;

    @Test
    void ploEfficiencyIsProductionOverCostMinusOneNotTheReportsSlip() {
        // 001: cost 9,5 % over ASSS (+2 pp), production 0,5 % over (+0,7 pp); the text's "0,082 prosent" is a unit slip.
        PublishedEfficiency plo = new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, 0.7, null);

        EfficiencyYear y = EfficiencyCalculator.split(2024, 2024, Map.of(), Map.of(2024, plo)).get(0);

        assertThat(y.costIndex()).isCloseTo(1.095, within(EPS));
        assertThat(y.productionIndex()).isCloseTo(1.005, within(EPS));
        assertThat(y.efficiency()).isCloseTo(1.005 / 1.095 - 1.0, within(EPS));
        assertThat(y.efficiency() * 100).isCloseTo(-8.2, within(0.05));
        assertThat(y.basis()).isEqualTo("published");
        assertThat(y.costChangePp()).isEqualTo(2.0);
        assertThat(y.productionChangePp()).isEqualTo(0.7);
        assertThat(y.efficiencyChangePp()).isNull();
    }

    @Test
    void khtProductionFollowsFromPublishedCostAndEfficiency() {
        // 000: cost 0,21 % under ASSS, efficiency 2,1 % over → P = (1 + 0,021) × 0,9979
        PublishedEfficiency kht = new PublishedEfficiency(2024, -0.21, null, 2.1, -3.3, 2.0, null);

        EfficiencyYear y = EfficiencyCalculator.split(2024, 2024, Map.of(), Map.of(2024, kht)).get(0);

        assertThat(y.costIndex()).isCloseTo(0.9979, within(EPS));
        assertThat(y.efficiency()).isCloseTo(0.021, within(EPS));
        assertThat(y.productionIndex()).isCloseTo(1.021 * 0.9979, within(EPS));
        assertThat(EfficiencyCalculator.efficiency(y.costIndex(), y.productionIndex())).isCloseTo(0.021, within(EPS));
    }

    @Test
    void aComputedYearWeighsEachProductionRatioAndCorrectsCostForNeed() {
        // C = (5237 / 1,02) / (5126 / 1,00); P = 0,6 × 35,37 / 37,49 + 0,4 × 749 / 746
        ComputedInputs inputs = new ComputedInputs(2024, new ComputedInputs.Cost(5237, 1.02, 5126, 1.00), List.of(
                new ComputedInputs.Production("KHT.malt_produksjon_helsestasjon", "Målt produksjon", 0.6, 35.37, 37.49),
                new ComputedInputs.Production("KHT.konsultasjoner_fastlege_per_1000", "Konsultasjoner", 0.4, 749, 746)));

        EfficiencyYear y = EfficiencyCalculator.split(2024, 2024, Map.of(2024, inputs), Map.of()).get(0);

        double c = (5237 / 1.02) / (5126 / 1.00);
        double p = 0.6 * 35.37 / 37.49 + 0.4 * 749.0 / 746.0;
        assertThat(y.basis()).isEqualTo("computed");
        assertThat(y.costIndex()).isCloseTo(c, within(EPS));
        assertThat(y.productionIndex()).isCloseTo(p, within(EPS));
        assertThat(y.efficiency()).isCloseTo(p / c - 1, within(EPS));
        assertThat(y.contributions()).extracting(EfficiencyYear.Contribution::contribution)
                .containsExactly(0.6 * (35.37 / 37.49), 0.4 * (749.0 / 746.0));
    }

    @Test
    void changesBetweenConsecutiveYearsAreInPercentagePointsOfTheIndexes() {
        PublishedEfficiency y2023 = new PublishedEfficiency(2023, 7.5, -0.2, null, null, null, null);
        PublishedEfficiency y2024 = new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, 0.7, null);

        List<EfficiencyYear> years = EfficiencyCalculator.split(2023, 2024, Map.of(), Map.of(2023, y2023, 2024, y2024));

        EfficiencyYear last = years.get(1);
        assertThat(last.costChangePp()).isCloseTo(2.0, within(1e-9));
        assertThat(last.productionChangePp()).isCloseTo(0.7, within(1e-9));
        assertThat(last.efficiencyChangePp()).isCloseTo((1.005 / 1.095 - 0.998 / 1.075) * 100, within(1e-9));
    }

    @Test
    void theYearAStatementsChangesAreCountedFromIsDerivedFromItsLevelsAndChanges() {
        // 000: cost 0,21 % under ASSS after a fall of 3,3 pp; production up 2 pp; efficiency 2,1 % over
        PublishedEfficiency kht = new PublishedEfficiency(2024, -0.21, null, 2.1, -3.3, 2.0, null);

        List<EfficiencyYear> years = EfficiencyCalculator.split(2021, 2024, Map.of(), Map.of(2024, kht));

        // then 2023 is there: C = 0,9979 + 0,033 = 1,0309, P = 1,021 × 0,9979 − 0,02 = 0,99886, E = P / C − 1
        assertThat(years).extracting(EfficiencyYear::year).containsExactly(2023, 2024);
        EfficiencyYear y2023 = years.get(0);
        assertThat(y2023.basis()).isEqualTo("derived");
        assertThat(y2023.costIndex()).isCloseTo(1.0309, within(EPS));
        assertThat(y2023.productionIndex()).isCloseTo(1.021 * 0.9979 - 0.02, within(EPS));
        assertThat(y2023.efficiency()).isCloseTo((1.021 * 0.9979 - 0.02) / 1.0309 - 1, within(EPS));
        assertThat(y2023.costChangePp()).isNull();
        // and 2024's changes are the stated ones, the efficiency's now counted from 2023
        EfficiencyYear y2024 = years.get(1);
        assertThat(y2024.costChangePp()).isCloseTo(-3.3, within(1e-9));
        assertThat(y2024.productionChangePp()).isCloseTo(2.0, within(1e-9));
        assertThat(y2024.efficiencyChangePp()).isCloseTo((0.021 - y2023.efficiency()) * 100, within(1e-9));
    }

    @Test
    void noYearIsDerivedOutsideTheYearsAskedForOrWithoutBothChanges() {
        PublishedEfficiency both = new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, 0.7, null);
        PublishedEfficiency costOnly = new PublishedEfficiency(2024, 9.5, 0.5, null, 2.0, null, null);

        assertThat(EfficiencyCalculator.split(2024, 2024, Map.of(), Map.of(2024, both)))
                .extracting(EfficiencyYear::year).containsExactly(2024);
        assertThat(EfficiencyCalculator.split(2022, 2024, Map.of(), Map.of(2024, costOnly)))
                .extracting(EfficiencyYear::year).containsExactly(2024);
    }

    @Test
    void productionWeightsMustSumToOne() {
        assertThatThrownBy(() -> new ComputedInputs(2024, new ComputedInputs.Cost(1, 1, 1, 1),
                List.of(new ComputedInputs.Production("a", "a", 0.5, 1, 1))))
                .hasMessage("2024: production weights must sum to 1, they sum to 0.5");
    }
}

package no.kostra.compute.asss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import no.kostra.catalog.MeanKind;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import org.junit.jupiter.api.Test;

class GroupMeansTest {
    // Net KHT expenses per inhabitant (kroner) weighted by population: Bærum's, the highest and the lowest ASSS values
    // of 000 "Nøkkeltall for kommunehelse" 2024, with round populations as weights.
    private static final List<MemberValue> KHT_NET = List.of(
            new MemberValue("3201", Figure.of(4260), 130_000.0),
            new MemberValue("0301", Figure.of(4731), 700_000.0),
            new MemberValue("1103", Figure.of(3912), 290_000.0),
            new MemberValue("5501", Figure.missing(Status.NOT_AVAILABLE), 78_000.0));

    @Test
    void aWeightedMeanIsTheSumOfNumeratorsOverTheSumOfDenominators() {
        GroupFigures figures = GroupMeans.compute(MeanKind.WEIGHTED, KHT_NET);

        // (4260 × 130 000 + 4731 × 700 000 + 3912 × 290 000) / (130 000 + 700 000 + 290 000) = 4 999 980 000 / 1 120 000
        assertThat(figures.mean()).isCloseTo(4_999_980_000.0 / 1_120_000.0, within(1e-9));
        assertThat(figures.mean()).isCloseTo(4464.27, within(0.005));
        assertThat(figures.counted()).containsExactly("3201", "0301", "1103");
        assertThat(figures.excluded()).containsExactly(new GroupFigures.Excluded("5501", "mangler verdi (..)"));
        assertThat(figures.high()).isEqualTo(new GroupFigures.Member("0301", 4731));
        assertThat(figures.low()).isEqualTo(new GroupFigures.Member("1103", 3912));
    }

    @Test
    void aFlatMeanIsTheArithmeticMeanOfTheMembersValues() {
        // The ressursbruksindikator row (flat, "*"): 0,972, 1,083 and 0,926 → (0,972 + 1,083 + 0,926) / 3
        List<MemberValue> members = List.of(
                new MemberValue("3201", Figure.of(0.972), null),
                new MemberValue("0301", Figure.of(1.083), null),
                new MemberValue("1103", Figure.of(0.926), null));

        GroupFigures figures = GroupMeans.compute(MeanKind.FLAT, members);

        assertThat(figures.mean()).isCloseTo((0.972 + 1.083 + 0.926) / 3, within(1e-12));
        assertThat(figures.mean()).isCloseTo(0.99367, within(0.000005));
    }

    @Test
    void aMemberWithoutAWeightIsLeftOutOfAWeightedMeanAndNamed() {
        List<MemberValue> members = List.of(
                new MemberValue("3201", Figure.of(10), 1.0),
                new MemberValue("0301", Figure.of(20), null));

        GroupFigures figures = GroupMeans.compute(MeanKind.WEIGHTED, members);

        assertThat(figures.mean()).isEqualTo(10.0);
        assertThat(figures.excluded()).containsExactly(new GroupFigures.Excluded("0301", "mangler vekt"));
    }

    @Test
    void rankOneIsTheHighestValueAndTiesShareThePlace() {
        assertThat(GroupMeans.rank("0301", KHT_NET)).contains(new GroupMeans.Rank(1, 3));
        assertThat(GroupMeans.rank("3201", KHT_NET)).contains(new GroupMeans.Rank(2, 3));
        assertThat(GroupMeans.rank("1103", KHT_NET).orElseThrow().lowest()).isTrue();
        assertThat(GroupMeans.rank("5501", KHT_NET)).isEmpty();
    }

    @Test
    void aPublishedMeanThatDiffersFromTheComputedOneIsADiscrepancy() {
        GroupFigures computed = GroupMeans.compute(MeanKind.WEIGHTED, KHT_NET);
        // computed mean 4464,27 → 4464 at 0 decimals; the published mean was altered to 4230
        Map<Statistic, Figure> published = Map.of(Statistic.MEAN, Figure.of(4230), Statistic.HIGH, Figure.of(4731),
                Statistic.LOW, Figure.of(3912));

        List<Discrepancy> found = Discrepancy.between("KHT.netto_driftsutgifter_per_innbygger", 0, "ASSS", 2024,
                computed, published);

        assertThat(found).containsExactly(new Discrepancy("KHT.netto_driftsutgifter_per_innbygger", "ASSS", 2024, "mean",
                4230, 4464, 234));
    }

    @Test
    void aPublishedFigureStandsForEveryValueWithinHalfAUnitOfItsLastDecimal() {
        GroupFigures flat = GroupMeans.compute(MeanKind.FLAT, List.of(new MemberValue("a", Figure.of(0.95549999), null)));

        // 0,9555 carries four decimals: 0,95549999 lies within 0,00005 of it, although each rounds differently to three
        assertThat(Discrepancy.between("x", 3, "ASSS", 2024, flat, Map.of(Statistic.MEAN, Figure.of(0.9555)))).isEmpty();
        assertThat(Discrepancy.between("x", 3, "ASSS", 2024, flat, Map.of(Statistic.MEAN, Figure.of(0.955)))).isEmpty();
        // a printed 0,956 stands for 0,9555 … 0,9565, which 0,95549999 just misses
        assertThat(Discrepancy.between("x", 3, "ASSS", 2024, flat, Map.of(Statistic.MEAN, Figure.of(0.956))))
                .extracting(Discrepancy::computed).containsExactly(0.955);
    }

    @Test
    void aPublishedFigureThatAgreesAfterRoundingIsNoDiscrepancy() {
        GroupFigures computed = GroupMeans.compute(MeanKind.WEIGHTED, KHT_NET);

        assertThat(Discrepancy.between("x", 0, "ASSS", 2024, computed, Map.of(Statistic.MEAN, Figure.of(4464)))).isEmpty();
    }
}

package no.kostra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.catalog.Unit;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import org.junit.jupiter.api.Test;

/** Figures from 000_…: "Nøkkeltall for kommunehelse", Bærum 2022–2024 and ASSS 2024. */
class ProfileCalculatorTest {
    private static final Region BAERUM = new Region("3201", "Bærum", RegionKind.MUNICIPALITY);
    private static final ProfileDefinition KHT = new ProfileDefinition("KHT", "KHT", "Kommunehelse", "Kommunehelse", 1);
    private static final Indicator RESSURSBRUK = indicator("KHT.ressursbruk", Unit.RATIO, 3, MeanKind.FLAT);
    private static final Indicator HJEMMEBESOK = indicator("KHT.hjemmebesok", Unit.PROSENT, 1, MeanKind.WEIGHTED);

    private static Indicator indicator(String id, Unit unit, int decimals, MeanKind kind) {
        return new Indicator(id, "KHT", 1, id, unit, decimals, kind, true, "test", null);
    }

    private static Map<Integer, Figure> years(double y2022, double y2023, double y2024) {
        return Map.of(2022, Figure.of(y2022), 2023, Figure.of(y2023), 2024, Figure.of(y2024));
    }

    private static Map<Statistic, Figure> asss(double mean, double high, double low) {
        return Map.of(Statistic.MEAN, Figure.of(mean), Statistic.HIGH, Figure.of(high), Statistic.LOW, Figure.of(low));
    }

    private static ProfileTable compute(List<Indicator> rows, ProfileInputs inputs) {
        List<LayoutRow> layout = rows.stream().map(i -> new LayoutRow(i, "Prioritering", 1, i.meanKind())).toList();
        return ProfileCalculator.compute(BAERUM, "3024", KHT, layout, 2024, inputs);
    }

    @Test
    void profileIndexesEachRowAgainstTheAsssMean() {
        // given Ressursbruksindikator: Bærum 1,016 / 0,998 / 0,972; ASSS 1,000, highest 1,083, lowest 0,926
        ProfileInputs inputs = new ProfileInputs(Map.of(RESSURSBRUK.id(), years(1.016, 0.998, 0.972)),
                Map.of(RESSURSBRUK.id(), asss(1.000, 1.083, 0.926)));

        // when
        ProfileRow row = compute(List.of(RESSURSBRUK), inputs).rows().get(0);

        // then index = 0,972 / 1,000 × 100 and the deviation is 2,8 % under the mean
        assertThat(row.index()).isEqualTo(97.2);
        assertThat(row.deviationPercent()).isEqualTo(-2.8);
        assertThat(row.chart()).isEqualTo(new ChartValues(97.2, 108.3, 92.6));
        assertThat(row.asss().meanKind()).isEqualTo("flat");
        assertThat(row.name()).isEqualTo("KHT.ressursbruk*");
    }

    @Test
    void profileShowsTheReportYearAndTheTwoYearsBefore() {
        ProfileInputs inputs = new ProfileInputs(Map.of(RESSURSBRUK.id(), years(1.016, 0.998, 0.972)), Map.of());

        ProfileTable table = compute(List.of(RESSURSBRUK), inputs);

        assertThat(table.years()).containsExactly(2022, 2023, 2024);
        assertThat(table.rows().get(0).values()).containsExactly(new YearFigure(2022, 1.016, null, "final"),
                new YearFigure(2023, 0.998, null, "final"), new YearFigure(2024, 0.972, null, "final"));
        assertThat(table.region()).isEqualTo(new ProfileTable.RegionRef("3201", "Bærum", "3024"));
    }

    @Test
    void changeOfAPercentageIsInPercentagePoints() {
        // given Andel hjemmebesøk 101,6 % in 2023 and 100,1 % in 2024
        ProfileInputs inputs = new ProfileInputs(Map.of(HJEMMEBESOK.id(), years(101.2, 101.6, 100.1)),
                Map.of(HJEMMEBESOK.id(), asss(86.9, 100.1, 66.6)));

        Change change = compute(List.of(HJEMMEBESOK), inputs).rows().get(0).change();

        assertThat(change).isEqualTo(new Change(-1.5, Change.PERCENTAGE_POINTS, 2023, 2024));
    }

    @Test
    void changeOfAnythingElseIsInPercent() {
        ProfileInputs inputs = new ProfileInputs(Map.of(RESSURSBRUK.id(), years(1.016, 0.998, 0.972)), Map.of());

        Change change = compute(List.of(RESSURSBRUK), inputs).rows().get(0).change();

        assertThat(change.unit()).isEqualTo(Change.PERCENT);
        assertThat(change.value()).isCloseTo((0.972 / 0.998 - 1) * 100, within(1e-6));
    }

    @Test
    void aMissingValueIsShownAsItsStatusAndGetsNoIndex() {
        // given "Andel fullførte helsesamtaler 8. trinn" was printed '-' for 2022 and 2023
        Map<Integer, Figure> figures = Map.of(2022, Figure.missing(Status.NOT_AVAILABLE),
                2023, Figure.missing(Status.NOT_AVAILABLE), 2024, Figure.of(98.4));
        ProfileInputs inputs = new ProfileInputs(Map.of(HJEMMEBESOK.id(), figures), Map.of());

        ProfileRow row = compute(List.of(HJEMMEBESOK), inputs).rows().get(0);

        assertThat(row.values().get(0)).isEqualTo(new YearFigure(2022, null, "..", "final"));
        assertThat(row.change()).isNull();
        assertThat(row.index()).isNull();
        assertThat(row.asss().mean()).as("not stored: no vintage").isEqualTo(new YearFigure(2024, null, "..", null));
        assertThat(row.chart()).isEqualTo(new ChartValues(null, null, null));
    }

    @Test
    void aPreliminaryFigureIsMarkedPreliminaryAndTheOthersFinal() {
        // given Bærum's 2024 figure from SSB's March publication, and KS's ASSS mean for 2024 still preliminary too
        ProfileInputs inputs = new ProfileInputs(Map.of(RESSURSBRUK.id(), years(1.016, 0.998, 0.975)),
                Map.of(RESSURSBRUK.id(), asss(1.000, 1.083, 0.926)), java.util.Set.of(), Map.of(), Map.of(),
                new no.kostra.observation.Preliminary(java.util.Set.of(
                        no.kostra.observation.Preliminary.figure(RESSURSBRUK.id(), "3201", 2024),
                        no.kostra.observation.Preliminary.statistic(RESSURSBRUK.id(), "ASSS", 2024, Statistic.MEAN))));

        ProfileRow row = compute(List.of(RESSURSBRUK), inputs).rows().get(0);

        assertThat(row.values()).extracting(YearFigure::vintage).containsExactly("final", "final", "preliminary");
        assertThat(List.of(row.asss().mean().vintage(), row.asss().high().vintage())).containsExactly("preliminary", "final");
    }
}

package no.kostra.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlausibilityTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static Indicator in(Unit unit) {
        return new Indicator("T." + unit.name().toLowerCase(java.util.Locale.ROOT), "T", 1, "Test", unit, 1,
                MeanKind.WEIGHTED, true, "test", null);
    }

    @Test
    void aPercentageBelowZeroOrAboveAHundredIsImplausible() {
        assertThat(Plausibility.doubt(in(Unit.PROSENT), -0.1, NONE)).contains("T.prosent er i prosent, og -0,1 er utenfor 0–100");
        assertThat(Plausibility.doubt(in(Unit.PROSENT), 171.5, NONE)).contains("T.prosent er i prosent, og 171,5 er utenfor 0–100");
    }

    @Test
    void aPercentageFromZeroToAHundredIsPlausible() {
        assertThat(Plausibility.doubt(in(Unit.PROSENT), 0, NONE)).isEmpty();
        assertThat(Plausibility.doubt(in(Unit.PROSENT), 100, NONE)).isEmpty();
        assertThat(Plausibility.doubt(in(Unit.PROSENT), 7.28, NONE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Unit.class, names = {"AARSVERK", "ANTALL", "TIMER", "RATIO"})
    void aNegativeCountOrRatioIsImplausibleButANonNegativeOneOfAnySizeIsNot(Unit unit) {
        assertThat(Plausibility.doubt(in(unit), -3, NONE))
                .contains(in(unit).id() + " er i " + unit.code() + " og kan ikke være negativ, men er -3");
        assertThat(Plausibility.doubt(in(unit), 0, NONE)).isEmpty();
        assertThat(Plausibility.doubt(in(unit), 1_551_770, NONE)).isEmpty();
    }

    @Test
    void kronerMayBeNegativeBecauseANetExpenseCanBe() {
        assertThat(Plausibility.doubt(in(Unit.KRONER), -120, NONE)).isEmpty();
        assertThat(Plausibility.doubt(in(Unit.KRONER), 1e9, NONE)).isEmpty();
    }

    @Test
    void doctorsFteOf95WhereTheYearBeforeHad869IsMoreThanTenTimesTheYearBefore() {
        // 000, Kommunehelse: Årsverk leger per 10 000 innbyggere; a returned workbook said 95
        assertThat(Plausibility.doubt(in(Unit.AARSVERK), 95, OptionalDouble.of(8.69)))
                .contains("T.aarsverk er 95, mer enn ti ganger tallet for året før (8,69)");
        assertThat(Plausibility.doubt(in(Unit.AARSVERK), 0.8, OptionalDouble.of(8.69)))
                .contains("T.aarsverk er 0,8, under en tidel av tallet for året før (8,69)");
        assertThat(Plausibility.doubt(in(Unit.AARSVERK), 10.1, OptionalDouble.of(8.69))).isEmpty();
    }
}

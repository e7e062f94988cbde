package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlausibleRangeTest {
    private static Indicator in(Unit unit) {
        return new Indicator("T." + unit.name().toLowerCase(java.util.Locale.ROOT), "T", 1, "Test", unit, 1,
                MeanKind.WEIGHTED, true, "test", null);
    }

    @Test
    void aPercentageBelowZeroOrAboveAHundredIsImplausible() {
        assertThat(PlausibleRange.problem(in(Unit.PROSENT), -0.1))
                .contains("T.prosent er i prosent, og -0,1 er utenfor 0–100; tallet er lagret, men bør sjekkes");
        assertThat(PlausibleRange.problem(in(Unit.PROSENT), 100.5))
                .contains("T.prosent er i prosent, og 100,5 er utenfor 0–100; tallet er lagret, men bør sjekkes");
    }

    @Test
    void aPercentageFromZeroToAHundredIsPlausible() {
        assertThat(PlausibleRange.problem(in(Unit.PROSENT), 0)).isEmpty();
        assertThat(PlausibleRange.problem(in(Unit.PROSENT), 100)).isEmpty();
        assertThat(PlausibleRange.problem(in(Unit.PROSENT), 7.28)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Unit.class, names = {"AARSVERK", "ANTALL", "TIMER", "RATIO"})
    void aNegativeCountOrRatioIsImplausibleButANonNegativeOneOfAnySizeIsNot(Unit unit) {
        assertThat(PlausibleRange.problem(in(unit), -2)).contains(in(unit).id() + " er i " + unit.code()
                + " og kan ikke være negativ, men er -2; tallet er lagret, men bør sjekkes");
        assertThat(PlausibleRange.problem(in(unit), 0)).isEmpty();
        assertThat(PlausibleRange.problem(in(unit), 1_551_770)).isEmpty();
    }

    @Test
    void kronerMayBeNegativeBecauseANetExpenseCanBe() {
        assertThat(PlausibleRange.problem(in(Unit.KRONER), -120)).isEmpty();
        assertThat(PlausibleRange.problem(in(Unit.KRONER), 1e9)).isEmpty();
    }
}

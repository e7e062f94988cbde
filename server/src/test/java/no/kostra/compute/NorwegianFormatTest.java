package no.kostra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NorwegianFormatTest {
    private static final String NBSP = "\u00A0";

    @Test
    void groupsThousandsWithANonBreakingSpaceAndUsesADecimalComma() {
        assertThat(NorwegianFormat.number(1551770, 0)).isEqualTo("1" + NBSP + "551" + NBSP + "770");
        assertThat(NorwegianFormat.number(0.972, 3)).isEqualTo("0,972");
        assertThat(NorwegianFormat.number(1963.3, 1)).isEqualTo("1" + NBSP + "963,3");
        assertThat(NorwegianFormat.number(999, 0)).isEqualTo("999");
    }

    @Test
    void roundsHalfAwayFromZeroAsTheReportsDo() {
        assertThat(NorwegianFormat.number(2.05, 1)).isEqualTo("2,1");
        assertThat(NorwegianFormat.number(-0.25, 1)).isEqualTo("-0,3");
        assertThat(NorwegianFormat.number(-8.2191, 1)).isEqualTo("-8,2");
        assertThat(NorwegianFormat.number(14.4, 0)).isEqualTo("14");
    }

    @Test
    void aValueThatRoundsToZeroHasNoMinusSign() {
        assertThat(NorwegianFormat.number(-0.04, 1)).isEqualTo("0,0");
    }

    @Test
    void refusesNumbersThatAreNotFinite() {
        assertThatThrownBy(() -> NorwegianFormat.number(Double.NaN, 1))
                .hasMessage("Cannot format NaN as a Norwegian number");
    }
}

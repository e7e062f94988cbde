package no.kostra.compute;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import org.junit.jupiter.api.Test;

class SourceRatioTest {
    @Test
    void aRatioIsTheNumeratorTimesItsFactorOverTheDenominatorTimesItsFactor() {
        // 406 000 (1000 kr) × 1000 / 129 320 inhabitants = 3139,498… kr per inhabitant
        assertThat(SourceRatio.of(Figure.of(406_000), 1000, Figure.of(129_320), 1))
                .isEqualTo(Figure.of(Math.round(406_000_000.0 / 129_320 * 1e6) / 1e6));
    }

    @Test
    void aMissingPartGivesItsStatusTheNumeratorsFirst() {
        assertThat(SourceRatio.of(Figure.missing(Status.CONFIDENTIAL), 100, Figure.missing(Status.NOT_AVAILABLE), 1))
                .isEqualTo(Figure.missing(Status.CONFIDENTIAL));
        assertThat(SourceRatio.of(Figure.of(5), 100, Figure.missing(Status.NOT_AVAILABLE), 1))
                .isEqualTo(Figure.missing(Status.NOT_AVAILABLE));
    }

    @Test
    void nobodyInTheTargetGroupMakesTheRatioNotApplicableNeverADivisionByZero() {
        assertThat(SourceRatio.of(Figure.of(5), 100, Figure.of(0), 1)).isEqualTo(Figure.missing(Status.NOT_APPLICABLE));
    }

    @Test
    void aSeriesReadAsIsIsScaledByItsFactorWithoutBinaryNoise() {
        assertThat(SourceRatio.scaled(Figure.of(0.1 + 0.2), 10)).isEqualTo(Figure.of(3.0));
        assertThat(SourceRatio.scaled(Figure.missing(Status.NIL), 10)).isEqualTo(Figure.missing(Status.NIL));
    }
}

package no.kostra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.workbook.ProvenanceSigner;
import no.kostra.workbook.SyntheticFilledWorkbook;
import org.junit.jupiter.api.Test;

/** The read-back benchmark's two sides do the work their names say, on a small synthetic workbook (no timing here). */
class ReadBackBenchmarkTest {
    private static final ProvenanceSigner SIGNER = new ProvenanceSigner("bench", new byte[32]);
    /** 20 rows of 10 figures, every hundredth one edited: figures 0 and 100. */
    private static final byte[] WORKBOOK = SyntheticFilledWorkbook.build(20, 10, ReadBackBenchmark.EDIT_EVERY, SIGNER);

    @Test
    void thePlainPassVisitsEveryCellOfEverySheet() {
        // the table: a header and 20 rows, each an Id and 10 figures; the provenance sheet: 12 header fields (key and
        // value), the "cells" marker, and one cell holding all 200 entries
        assertThat(ReadBackBenchmark.plainPass(WORKBOOK)).isEqualTo(21 * 11 + 12 * 2 + 1 + 1);
    }

    @Test
    void theReadBackFindsEveryEditedFigure() {
        assertThat(ReadBackBenchmark.readBackAndDiff(WORKBOOK, SIGNER)).isEqualTo(2);
    }

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        assertThat(ReadBackBenchmark.median(new double[] {1, 2, 4, 9})).isEqualTo(3.0);
        assertThat(ReadBackBenchmark.median(new double[] {1, 2, 9})).isEqualTo(2.0);
    }
}

package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexAxisTest {
    @Test
    void oneNegativeLowestMemberDoesNotStretchTheAxisBelowZero() {
        // 000 KHT 2024, ledig listekapasitet i prosent: Bærum 2,46, ASSS 1,70, highest 4,39, lowest −1,85
        IndexAxis axis = IndexAxis.of(List.of(144.7, 258.2, -108.8, 97.2, 108.3, 92.6));

        assertThat(axis).isEqualTo(new IndexAxis(0, 300));
        assertThat(axis.offScale(-108.8)).isTrue();
        assertThat(axis.offScale(258.2)).isFalse();
    }

    @Test
    void aValueBeyondThreeTimesTheMeanIsOffTheScaleAndTheAxisEndsAtTheRest() {
        IndexAxis axis = IndexAxis.of(List.of(97.2, 412.0, 121.0));

        assertThat(axis).isEqualTo(new IndexAxis(0, 150));
        assertThat(axis.offScale(412.0)).isTrue();
    }

    @Test
    void theAxisReachesAtLeast150SoTheMeanIsNotAtTheEdge() {
        assertThat(IndexAxis.of(List.of(92.0, 104.0))).isEqualTo(new IndexAxis(0, 150));
        assertThat(IndexAxis.of(List.of())).isEqualTo(new IndexAxis(0, 150));
    }
}

package no.kostra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NorwegianListTest {
    @Test
    void aRunOfThreeOrMoreYearsReadsAsASpan() {
        assertThat(NorwegianList.years(List.of(2022, 2023, 2024))).isEqualTo("2022–2024");
        assertThat(NorwegianList.years(List.of(2014, 2015, 2016, 2017, 2021, 2022, 2023, 2024)))
                .isEqualTo("2014–2017 og 2021–2024");
    }

    @Test
    void scatteredYearsAreListedWithOgBeforeTheLast() {
        assertThat(NorwegianList.years(List.of(2019, 2021, 2024))).isEqualTo("2019, 2021 og 2024");
        assertThat(NorwegianList.years(List.of(2023, 2024))).isEqualTo("2023 og 2024");
        assertThat(NorwegianList.years(List.of(2024))).isEqualTo("2024");
    }

    @Test
    void yearsAreSortedAndCountedOnce() {
        assertThat(NorwegianList.years(Set.of(2024, 2022, 2023))).isEqualTo("2022–2024");
        assertThat(NorwegianList.years(List.of(2024, 2020, 2024))).isEqualTo("2020 og 2024");
    }

    @Test
    void itemsJoinWithOgOrEllerAndNeverWithBrackets() {
        assertThat(NorwegianList.and(List.of("year", "år", "aar"))).isEqualTo("year, år og aar");
        assertThat(NorwegianList.or(List.of("Bærum (3201)", "Bamble (4012)"))).isEqualTo("Bærum (3201) eller Bamble (4012)");
        assertThat(NorwegianList.and(List.of(2, 1, 1))).isEqualTo("2, 1 og 1");
        assertThat(NorwegianList.and(List.of("Tid"))).isEqualTo("Tid");
    }

    @Test
    void anEmptyListReadsAsIngen() {
        assertThat(NorwegianList.and(List.of())).isEqualTo("ingen");
        assertThat(NorwegianList.years(List.of())).isEqualTo("ingen");
    }
}

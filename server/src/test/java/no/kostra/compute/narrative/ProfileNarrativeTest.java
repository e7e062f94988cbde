package no.kostra.compute.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import no.kostra.catalog.Unit;
import org.junit.jupiter.api.Test;

class ProfileNarrativeTest {
    @Test
    void aPercentagesChangeIsToldInPercentagePointsAndItsGapToTheMeanToo() {
        // 001 PLO 67+: "Andel innbyggere 80 år og eldre som mottar hjemmetjenester", 23,4 → 22,1; ASSS 23,0
        var row = new ProfileNarrative.RowFacts("Andel innbyggere 80 år og eldre som mottar hjemmetjenester (prosent)", 2024,
                22.1, 23.4, 23.0, 26.8, 19.8, Unit.PROSENT, 1);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 4 prosent under ASSS-snittet (0,9 prosentpoeng) på andel innbyggere 80 år og eldre som mottar"
                        + " hjemmetjenester i 2024.",
                "Det er en nedgang på 1,3 prosentpoeng fra 2023.");
    }

    @Test
    void anAmountsChangeIsToldInPercentAndTheHighestMemberIsNamed() {
        // 001 PLO 67+: net home-care expenses per inhabitant 67+, 26 410 → 28 089, the highest in ASSS; mean 20 765
        var row = new ProfileNarrative.RowFacts("Netto driftsutgifter hjemmetjeneste 67 + år per innbygger 67 år+ (kroner)",
                2024, 28089.0, 26410.0, 20765.0, 28089.0, 14515.0, Unit.KRONER, 0);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 35 prosent over ASSS-snittet på netto driftsutgifter hjemmetjeneste 67 + år per innbygger 67 år+"
                        + " i 2024, og er høyest i ASSS.",
                "Det er en økning på 6,4 prosent fra 2023.");
    }

    @Test
    void aDifferenceUnderOnePercentKeepsOneDecimalAndAnIndexIsToldWithOne() {
        var smallGap = new ProfileNarrative.RowFacts("Sykefravær (prosent)", 2024, 7.85, null, 7.88, null, null, Unit.PROSENT, 2);
        var index = new ProfileNarrative.RowFacts("Ressursbruksindikator. Pleie og omsorg", 2024, 1.076, 1.090, 1.000, 1.288,
                0.876, Unit.RATIO, 3);

        assertThat(ProfileNarrative.sentences("Bærum", smallGap, Map.of()).get(0))
                .startsWith("Bærum ligger 0,4 prosent under ASSS-snittet (0,03 prosentpoeng)");
        assertThat(ProfileNarrative.sentences("Bærum", index, Map.of()).get(0))
                .isEqualTo("Bærum ligger 7,6 prosent over ASSS-snittet på ressursbruksindikator for pleie og omsorg i 2024.");
    }

    @Test
    void theNeighbourIsComparedAtTheRowsPrintedPrecision() {
        var row = new ProfileNarrative.RowFacts("Netto driftsutgifter per innbygger (kroner)", 2024, 4537.0, null, 4713.0, null,
                null, Unit.KRONER, 0);
        Map<String, Double> neighbours = new LinkedHashMap<>();
        neighbours.put("Asker", 4467.0);

        assertThat(ProfileNarrative.sentences("Bærum", row, neighbours))
                .contains("Bærum ligger høyere enn Asker (4\u00a0467).");
    }

    @Test
    void aMissingValueIsSaidToBeMissingNotTreatedAsZero() {
        var row = new ProfileNarrative.RowFacts("Andel innbyggere 80 år+ beboer på institusjon (prosent)", 2024, null, 14.8,
                12.7, 14.4, 9.1, Unit.PROSENT, 1);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Tallet for Bærum for 2024 mangler, så andel innbyggere 80 år+ beboer på institusjon kan ikke"
                        + " sammenlignes med ASSS-snittet.");
    }

    @Test
    void aFigureThatRoundsToNoDifferenceIsAboutTheMean() {
        assertThat(ComparisonNarrative.relative(0.04, "ASSS-snittet", false)).isEqualTo("omtrent på ASSS-snittet");
        assertThat(Wording.change(0.004, Wording.POINTS, 1, 2023)).isEqualTo("uendret fra 2023");
    }

    @Test
    void anIndicatorsNameReadsNaturallyInsideASentence() {
        assertThat(Wording.inSentence("Ressursbruksindikator. Kommunehelse")).isEqualTo("ressursbruksindikator for kommunehelse");
        assertThat(Wording.inSentence("Netto driftsutgifter kommunehelsetjenesten per innbygger (kroner)"))
                .isEqualTo("netto driftsutgifter kommunehelsetjenesten per innbygger");
        assertThat(Wording.inSentence("Andel årsverk med fagutdanning (TTU) (prosent)")).isEqualTo("andel årsverk med fagutdanning (TTU)");
        assertThat(Wording.inSentence("Netto driftsutgifter pr. innbygger til Kommunehelse (B)"))
                .isEqualTo("netto driftsutgifter pr. innbygger til Kommunehelse (B)");
        assertThat(Wording.inSentence("KOSTRA-gruppe 13")).isEqualTo("KOSTRA-gruppe 13");
    }

    @Test
    void theComparisonWordsADeviationExactlyAsTheProfileDoes() {
        // given one percentage row, as the profile and as the comparison see it
        var row = new ProfileNarrative.RowFacts("Sykefravær kommunehelse (prosent)", 2024, 7.27, null, 6.85, null, null,
                Unit.PROSENT, 1);

        String profile = ProfileNarrative.sentences("Bærum", row, Map.of()).get(0);
        String comparison = ComparisonNarrative.sentences("Bærum", row.name(), 2024, 7.27, 6.85, Unit.PROSENT, null, null,
                java.util.List.of(), 1).get(0);

        // then both say the same, gap in percentage points included
        assertThat(profile).isEqualTo("Bærum ligger 6 prosent over ASSS-snittet (0,4 prosentpoeng) på sykefravær kommunehelse i 2024.");
        assertThat(comparison).isEqualTo(profile);
    }
}

package no.kostra.compute.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Unit;
import org.junit.jupiter.api.Test;

class ProfileNarrativeTest {
    @Test
    void aPercentagesChangeIsToldInPercentagePointsAndItsGapToTheMeanToo() {
        // 001 PLO 67+: "Andel innbyggere 80 år og eldre som mottar hjemmetjenester", 23,4 → 22,1; ASSS 23,0
        var row = new ProfileNarrative.RowFacts("andelen innbyggere 80 år og eldre som mottar hjemmetjenester", 2024,
                22.1, 23.4, 23.0, 26.8, 19.8, Unit.PROSENT, 1);

        // (22,1 / 23,0 − 1) × 100 = −3,9 as the table shows it; 22,1 − 23,0 = −0,9 points; 22,1 − 23,4 = −1,3 points
        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 3,9 prosent under ASSS-snittet (0,9 prosentpoeng) på andelen innbyggere 80 år og eldre som"
                        + " mottar hjemmetjenester i 2024.",
                "Det er en nedgang på 1,3 prosentpoeng fra 2023.");
    }

    @Test
    void anAmountsChangeIsToldInPercentAndTheHighestMemberIsNamed() {
        // 001 PLO 67+: net home-care expenses per inhabitant 67+, 26 410 → 28 089, the highest in ASSS; mean 20 765
        var row = new ProfileNarrative.RowFacts("netto driftsutgifter til hjemmetjenester per innbygger 67 år og eldre",
                2024, 28089.0, 26410.0, 20765.0, 28089.0, 14515.0, Unit.KRONER, 0);

        // 28 089 / 20 765 = 1,3527 → 35,3; 28 089 / 26 410 = 1,0636 → 6,4
        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 35,3 prosent over ASSS-snittet på netto driftsutgifter til hjemmetjenester per innbygger 67 år"
                        + " og eldre i 2024, og er høyest i ASSS.",
                "Det er en økning på 6,4 prosent fra 2023.");
    }

    @Test
    void everyDeviationIsToldWithTheOneDecimalTheTableShows() {
        // 000 KHT 2024: skolehelse 2,04 against 2,11; avtalefysioterapeuter 5,3 against 4,5; ressursbruk 0,972 against 1,000
        var skolehelse = new ProfileNarrative.RowFacts("årsverk i skolehelsetjenesten per 1 000 innbyggere 6–20 år", 2024,
                2.04, null, 2.11, null, null, Unit.AARSVERK, 2);
        var fysioterapeuter = new ProfileNarrative.RowFacts("årsverk av avtalefysioterapeuter per 10 000 innbyggere", 2024,
                5.3, null, 4.5, null, null, Unit.AARSVERK, 1);
        var ressursbruk = new ProfileNarrative.RowFacts("ressursbruksindikatoren for kommunehelse", 2024, 0.972, null, 1.000,
                null, null, Unit.RATIO, 3);

        assertThat(ProfileNarrative.sentences("Bærum", skolehelse, Map.of()).get(0))
                .isEqualTo("Bærum ligger 3,3 prosent under ASSS-snittet på årsverk i skolehelsetjenesten per 1 000 innbyggere"
                        + " 6–20 år i 2024.");
        assertThat(ProfileNarrative.sentences("Bærum", fysioterapeuter, Map.of()).get(0))
                .startsWith("Bærum ligger 17,8 prosent over ASSS-snittet");
        assertThat(ProfileNarrative.sentences("Bærum", ressursbruk, Map.of()).get(0))
                .isEqualTo("Bærum ligger 2,8 prosent under ASSS-snittet på ressursbruksindikatoren for kommunehelse i 2024.");
    }

    @Test
    void aPercentagePointChangeIsToldAsTheChangeColumnShowsItAndTheGapFromTheShownFigures() {
        // 000 KHT sykefravær: 5,74 → 7,27 against 7,88; the change column shows 1,5 and the deviation −7,7
        var row = new ProfileNarrative.RowFacts("sykefraværet i kommunehelsetjenesten", 2024, 7.27, 5.74, 7.88, 9.89, 5.02,
                Unit.PROSENT, 2);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 7,7 prosent under ASSS-snittet (0,61 prosentpoeng) på sykefraværet i kommunehelsetjenesten i 2024.",
                "Det er en økning på 1,5 prosentpoeng fra 2023.");
    }

    @Test
    void aWholeNumberIsToldWithoutATrailingZero() {
        // 100,0 × (1 + 2,0 %): the table shows 2,0 and the sentence "2 prosent"
        var row = new ProfileNarrative.RowFacts("konsultasjoner hos fastlegen per 1 000 innbyggere", 2024, 102.0, 100.0,
                100.0, null, null, Unit.ANTALL, 0);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Bærum ligger 2 prosent over ASSS-snittet på konsultasjoner hos fastlegen per 1 000 innbyggere i 2024.",
                "Det er en økning på 2 prosent fra 2023.");
    }

    @Test
    void theNeighbourIsComparedAtTheRowsPrintedPrecision() {
        var row = new ProfileNarrative.RowFacts("netto driftsutgifter per innbygger", 2024, 4537.0, null, 4713.0, null,
                null, Unit.KRONER, 0);
        Map<String, Double> neighbours = new LinkedHashMap<>();
        neighbours.put("Asker", 4467.0);

        assertThat(ProfileNarrative.sentences("Bærum", row, neighbours))
                .contains("Bærum ligger høyere enn Asker (4\u00a0467).");
    }

    @Test
    void aMissingValueIsSaidToBeMissingNotTreatedAsZero() {
        var row = new ProfileNarrative.RowFacts("andelen innbyggere 80 år og eldre i institusjon eller bolig med heldøgns"
                + " bemanning", 2024, null, 14.8, 12.7, 14.4, 9.1, Unit.PROSENT, 1);

        assertThat(ProfileNarrative.sentences("Bærum", row, Map.of())).containsExactly(
                "Tallet for Bærum for 2024 mangler, så andelen innbyggere 80 år og eldre i institusjon eller bolig med"
                        + " heldøgns bemanning kan ikke sammenlignes med ASSS-snittet.");
    }

    @Test
    void aFigureThatRoundsToNoDifferenceIsAboutTheMean() {
        assertThat(ComparisonNarrative.relative(0.04, "ASSS-snittet")).isEqualTo("omtrent på ASSS-snittet");
        assertThat(ComparisonNarrative.relative(0.05, "ASSS-snittet")).isEqualTo("0,1 prosent over ASSS-snittet");
        assertThat(Wording.change(0.04, Wording.POINTS, 1, 2023)).isEqualTo("uendret fra 2023");
    }

    @Test
    void anIndicatorIsNamedInASentenceByItsShortName() {
        Indicator ressursbruk = indicator("Ressursbruksindikator. Kommunehelse", "ressursbruksindikatoren for kommunehelse");
        Indicator legetimer = indicator("Legetimer per uke per beboer i sykehjem (timer)", null);

        assertThat(Wording.subject(ressursbruk)).isEqualTo("ressursbruksindikatoren for kommunehelse");
        assertThat(Wording.subject(legetimer)).isEqualTo("legetimer per uke per beboer i sykehjem");
    }

    @Test
    void aPrintedNameWithoutAShortNameLosesWhatOnlyATableHeadingCarries() {
        assertThat(Wording.inSentence("Ressursbruksindikator. Kommunehelse")).isEqualTo("ressursbruksindikator for kommunehelse");
        assertThat(Wording.inSentence("Netto driftsutgifter kommunehelsetjenesten per innbygger (kroner)"))
                .isEqualTo("netto driftsutgifter kommunehelsetjenesten per innbygger");
        assertThat(Wording.inSentence("Andel årsverk med fagutdanning (TTU) (prosent)")).isEqualTo("andel årsverk med fagutdanning (TTU)");
        assertThat(Wording.inSentence("Netto driftsutgifter pr. innbygger til Kommunehelse (B)"))
                .isEqualTo("netto driftsutgifter pr. innbygger til Kommunehelse");
        assertThat(Wording.inSentence("Netto driftsutgifter hjemmetjeneste 67 + år per innbygger 67 år+ (kroner)"))
                .isEqualTo("netto driftsutgifter hjemmetjeneste 67 år+ per innbygger 67 år+");
        assertThat(Wording.inSentence("KOSTRA-gruppe 13")).isEqualTo("KOSTRA-gruppe 13");
    }

    @Test
    void theComparisonWordsADeviationExactlyAsTheProfileDoes() {
        // given one percentage row, as the profile and as the comparison see it
        var row = new ProfileNarrative.RowFacts("sykefraværet i kommunehelsetjenesten", 2024, 7.27, null, 6.85, null, null,
                Unit.PROSENT, 1);

        String profile = ProfileNarrative.sentences("Bærum", row, Map.of()).get(0);
        String comparison = ComparisonNarrative.sentences("Bærum", row.subject(), 2024, 7.27, 6.85, Unit.PROSENT, null, null,
                List.of(), 1).get(0);

        // then both say the same, gap in percentage points included: 7,27 / 6,85 = 1,0613 → 6,1
        assertThat(profile).isEqualTo("Bærum ligger 6,1 prosent over ASSS-snittet (0,4 prosentpoeng) på sykefraværet i"
                + " kommunehelsetjenesten i 2024.");
        assertThat(comparison).isEqualTo(profile);
    }

    private static Indicator indicator(String name, String shortName) {
        return new Indicator("X.test", "X", 1, name, Unit.PROSENT, 1, MeanKind.WEIGHTED, true, "test", null, shortName);
    }
}

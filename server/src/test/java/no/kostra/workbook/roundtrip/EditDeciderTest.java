package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.kostra.workbook.roundtrip.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** Ole's corrections to the Pleie og omsorg workbook (001_…: brutto driftsutgifter per plass, Bærum 2024 = 1 552 889). */
class EditDeciderTest {
    private static final String PER_PLASS = "PLO.brutto_driftsutgifter_per_plass_institusjon";
    private static final String KEY = PER_PLASS + "|3201|2024";
    private static final SaneRange RANGE = SaneRange.around(2_060_118, false);

    private static Edit corrected(String typed, Double number) {
        return new Edit(Edit.Kind.VALUE, "Tjenesteprofil", "C5", PER_PLASS, "3201", 2024, "1552889", typed, number);
    }

    private static StoredNow storedNow(String figure) {
        return new StoredNow(Map.of(KEY, figure), Map.of(), Map.of(PER_PLASS, RANGE));
    }

    private static Decision decide(Edit edit, StoredNow stored) {
        return EditDecider.decide(List.of(edit), stored).get(0);
    }

    @Test
    void aCorrectedFigureIsAppliedWithThePreviousValueInTheReason() {
        Decision decision = decide(corrected("1553000", 1_553_000.0), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(decision.reason()).isEqualTo("Lagret som rettelse (forrige verdi 1552889)");
    }

    @Test
    void aFigureThatChangedInTheServiceMeanwhileIsAConflictShowingBothValues() {
        // given SSB revised the figure to 1 560 000 after the workbook was made
        Decision decision = decide(corrected("1553000", 1_553_000.0), storedNow("1560000"));

        assertThat(decision.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(decision.storedNow()).isEqualTo("1560000");
        assertThat(decision.reason()).isEqualTo("Tallet er endret i tjenesten siden arbeidsboken ble laget (fra 1552889"
                + " til 1560000), og også i arbeidsboken (til 1553000); ingen av dem er overskrevet");
    }

    @Test
    void theSameCorrectionSentAgainIsAlreadyStored() {
        Decision decision = decide(corrected("1553000", 1_553_000.0), storedNow("1553000"));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALREADY_STORED);
    }

    @Test
    void textWhereANumberBelongsIsRejected() {
        Decision decision = decide(corrected("ca. 1,5 mill", null), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("'ca. 1,5 mill' i Tjenesteprofil!C5 er ikke et tall");
    }

    @Test
    void aFormulaTypedIntoADataCellIsRejectedNeverEvaluated() {
        Decision decision = decide(corrected("=HYPERLINK(\"http://x\";\"1\")", null), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).startsWith("Cellen Tjenesteprofil!C5 inneholder formelen '=HYPERLINK(");
    }

    @Test
    void anOrderOfMagnitudeSlipIsOutsideTheSaneRange() {
        Decision decision = decide(corrected("1552889000", 1_552_889_000.0), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("Tallet 1552889000 i Tjenesteprofil!C5 er utenfor det rimelige området"
                + " for indikatoren (fra 0 til 20601180)");
    }

    @Test
    void aNegativeFigureIsRejectedWhereNoneIsPublished() {
        Decision decision = decide(corrected("-5", -5.0), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aStatusSymbolMayReplaceAFigure() {
        Decision decision = decide(corrected("..", null), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aNewCommentIsAppliedAndAChangedCommentInTheServiceIsAConflict() {
        Edit comment = new Edit(Edit.Kind.COMMENT, "Tjenesteprofil", "L5", PER_PLASS, "3201", 2024, "",
                "Inkluderer 30 nedlagte plasser på Eikstunet", null);

        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(), Map.of())).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(KEY, "Kari: sjekk tallet"), Map.of())).outcome())
                .isEqualTo(Outcome.CONFLICT);
        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(KEY, "Inkluderer 30 nedlagte plasser på Eikstunet"), Map.of()))
                .outcome()).isEqualTo(Outcome.ALREADY_STORED);
    }

    @Test
    void aCommentThatIsAFormulaIsRejectedNamingItsCell() {
        Edit comment = new Edit(Edit.Kind.COMMENT, "Tjenesteprofil", "L5", PER_PLASS, "3201", 2024, "",
                "=HYPERLINK(\"http://example.invalid\",\"Se notat\")", null);

        Decision decision = decide(comment, new StoredNow(Map.of(), Map.of(), Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("Kommentaren i Tjenesteprofil!L5 inneholder formelen"
                + " '=HYPERLINK(\"http://example.invalid\",\"Se notat\")'; formler lagres ikke, skriv kommentaren som tekst");
    }

    @Test
    void anOverwrittenIndexAndAnAddedRowAreRejectedWithTheirReasons() {
        List<Edit> edits = EditFinder.find(List.of(), List.of(),
                List.of(new LockedCell("Tjenesteprofil", "H5", PER_PLASS, "3201", 2024, "=C5/D5*100", null, "95")),
                List.of(new AddedRow("Tjenesteprofil", "A23", "Tjenesteprofil", "Egen indikator 12")));

        List<Decision> decisions = EditDecider.decide(edits, new StoredNow(Map.of(), Map.of(), Map.of()));

        assertThat(decisions).extracting(Decision::outcome).containsExactly(Outcome.REJECTED, Outcome.REJECTED);
        assertThat(decisions.get(0).reason()).isEqualTo("Cellen Tjenesteprofil!H5 er en beregning (formel) og kan ikke"
                + " endres; endre tallet den bygger på i stedet");
    }

    @Test
    void onlyCellsThatDifferFromWhatWasFilledAreEdits() {
        List<ReturnedCell> cells = List.of(
                new ReturnedCell("Tjenesteprofil", "C5", PER_PLASS, "3201", 2024, 1_552_889.0, null, "1552889", 1_552_889.0, null),
                new ReturnedCell("Tjenesteprofil", "C6", "PLO.sykefravaer", "3201", 2024, 8.60, null, "8,7", 8.7, null),
                new ReturnedCell("Tjenesteprofil", "C7", "PLO.andel_80_institusjon_heldogn", "3201", 2024, null, "..", "..", null, null));

        List<Edit> edits = EditFinder.find(cells, List.of(), List.of(), List.of());

        assertThat(edits).containsExactly(new Edit(Edit.Kind.VALUE, "Tjenesteprofil", "C6", "PLO.sykefravaer", "3201", 2024,
                "8.6", "8,7", 8.7));
    }
}

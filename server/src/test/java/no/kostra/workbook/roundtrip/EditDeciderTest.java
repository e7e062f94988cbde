package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Unit;
import no.kostra.workbook.roundtrip.Decision.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Ole's corrections to the Pleie og omsorg workbook (001_…: brutto driftsutgifter per plass, Bærum 2024 = 1 552 889,
 * 2023 = 1 510 094) and to Kommunehelse (000_…: legeårsverk per 10 000 innbyggere, 2024 = 10,12, 2023 = 9,92).
 */
class EditDeciderTest {
    private static final String PER_PLASS = "PLO.brutto_driftsutgifter_per_plass_institusjon";
    private static final String KEY = PER_PLASS + "|3201|2024";
    private static final String LEGER = "KHT.arsverk_leger_per_10000";
    private static final Map<String, Indicator> INDICATORS = Map.of(
            PER_PLASS, new Indicator(PER_PLASS, "PLO", 2, "Brutto driftsutgifter per plass i institusjon (kroner)", Unit.KRONER, 0,
                    MeanKind.WEIGHTED, true, "001", null),
            LEGER, new Indicator(LEGER, "KHT", 9, "Årsverk leger per 10 000 innbyggere", Unit.AARSVERK, 2, MeanKind.WEIGHTED, true,
                    "000", "BEF.innbyggere"));
    private static final EditDecider.Mode STORE = new EditDecider.Mode(false, false);

    private static Edit corrected(String typed, Double number) {
        return new Edit(Edit.Kind.VALUE, "Tjenesteprofil", "C5", PER_PLASS, "3201", 2024, "1552889", typed, number);
    }

    private static Edit doctors(double typed) {
        return new Edit(Edit.Kind.VALUE, "Profil", "G45", LEGER, "3201", 2024, "10.12", Double.toString(typed), typed);
    }

    private static StoredNow storedNow(String figure) {
        return new StoredNow(Map.of(KEY, figure, LEGER + "|3201|2024", "10.12"), Map.of(), INDICATORS,
                Map.of(KEY, 1_510_094.0, LEGER + "|3201|2024", 9.92));
    }

    private static Decision decide(Edit edit, StoredNow stored) {
        return EditDecider.decide(List.of(edit), stored, STORE).get(0);
    }

    @Test
    void aCorrectedFigureIsAppliedWithThePreviousValueInTheReason() {
        Decision decision = decide(corrected("1553000", 1_553_000.0), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(decision.reason()).isEqualTo("Lagret som rettelse (forrige verdi 1\u00A0552\u00A0889)");
    }

    @Test
    void aFigureThatChangedInTheServiceMeanwhileIsAConflictShowingBothValues() {
        // given SSB revised the figure to 1 560 000 after the workbook was made
        Decision decision = decide(corrected("1553000", 1_553_000.0), storedNow("1560000"));

        assertThat(decision.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(decision.storedNow()).isEqualTo("1560000");
        assertThat(decision.reason()).isEqualTo("Tallet er endret i tjenesten siden arbeidsboken ble laget (fra 1\u00A0552\u00A0889"
                + " til 1\u00A0560\u00A0000), og også i arbeidsboken (til 1\u00A0553\u00A0000); ingen av dem er overskrevet");
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
    void anOrderOfMagnitudeSlipIsHeldForConfirmation() {
        // 15 528 890 typed for 1 552 889: more than ten times 2023's 1 510 094
        Decision decision = decide(corrected("15528890", 15_528_890.0), storedNow("1552889"));

        assertThat(decision.outcome()).isEqualTo(Outcome.HELD);
        assertThat(decision.reason()).isEqualTo("Holdt tilbake, tallet i Tjenesteprofil!C5 ser feil ut: " + PER_PLASS
                + " er 15\u00A0528\u00A0890, mer enn ti ganger tallet for året før (1\u00A0510\u00A0094). Ingenting fra arbeidsboken"
                + " er lagret; er tallet riktig, send den på nytt med bekreftelse (acceptOutliers=true, eller apply --accept-outliers)");
    }

    @Test
    void aDecimalSlipInDoctorsFtesIsHeldAndANegativeCountToo() {
        // 101,2 typed for 10,12 legeårsverk per 10 000: more than ten times 2023's 9,92; and årsverk are never negative
        assertThat(decide(doctors(101.2), storedNow("1552889")).outcome()).isEqualTo(Outcome.HELD);
        assertThat(decide(doctors(-3), storedNow("1552889")).reason()).contains(LEGER + " er i årsverk og kan ikke være negativ, men er -3");
        assertThat(decide(doctors(10.5), storedNow("1552889")).outcome()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aDoubtfulFigureConfirmedIsAppliedAndTheReasonSaysItWasConfirmed() {
        Decision decision = EditDecider.decide(List.of(doctors(101.2)), storedNow("1552889"), new EditDecider.Mode(true, false)).get(0);

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(decision.reason()).isEqualTo("Lagret som rettelse (forrige verdi 10,12), bekreftet selv om tallet ser feil ut: "
                + LEGER + " er 101,2, mer enn ti ganger tallet for året før (9,92)");
    }

    @Test
    void whenOneEditIsHeldEveryOtherEditSaysItWouldHaveBeenStored() {
        Edit comment = new Edit(Edit.Kind.COMMENT, "Profil", "R45", LEGER, "3201", 2024, "", "Ny legevakt fra mars", null);

        List<Decision> decisions = EditDecider.decide(List.of(doctors(101.2), corrected("1553000", 1_553_000.0), comment),
                storedNow("1552889"), STORE);

        assertThat(decisions).extracting(Decision::outcome).containsExactly(Outcome.HELD, Outcome.APPLIED, Outcome.APPLIED);
        assertThat(decisions.get(1).reason()).isEqualTo("Ville blitt lagret som rettelse (forrige verdi 1\u00A0552\u00A0889)");
        assertThat(decisions.get(2).reason()).isEqualTo("Kommentaren ville blitt lagret");
    }

    @Test
    void aDryRunSaysWouldBeStoredInEveryMessageNeverStored() {
        Edit comment = new Edit(Edit.Kind.COMMENT, "Profil", "R45", LEGER, "3201", 2024, "", "Ny legevakt fra mars", null);
        Edit removed = new Edit(Edit.Kind.COMMENT, "Profil", "R46", PER_PLASS, "3201", 2024, "Gammel kommentar", "", null);
        StoredNow stored = new StoredNow(Map.of(KEY, "1552889"), Map.of(KEY, "Gammel kommentar"), INDICATORS, Map.of(KEY, 1_510_094.0));

        for (boolean confirmed : new boolean[] {false, true}) {
            List<Decision> decisions = EditDecider.decide(List.of(corrected("1553000", 1_553_000.0), doctors(101.2), comment, removed),
                    stored, new EditDecider.Mode(confirmed, true));

            assertThat(decisions).extracting(Decision::reason).noneMatch(r -> r.contains("Lagret") || r.contains(" er lagret")
                    || r.contains("er fjernet") || r.startsWith("Holdt"));
            assertThat(decisions.get(0).reason()).isEqualTo("Ville blitt lagret som rettelse (forrige verdi 1\u00A0552\u00A0889)");
            assertThat(decisions.get(2).reason()).isEqualTo("Kommentaren ville blitt lagret");
            assertThat(decisions.get(3).reason()).isEqualTo("Kommentaren ville blitt fjernet");
        }
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

        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(), INDICATORS, Map.of())).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(KEY, "Kari: sjekk tallet"), INDICATORS, Map.of())).outcome())
                .isEqualTo(Outcome.CONFLICT);
        assertThat(decide(comment, new StoredNow(Map.of(), Map.of(KEY, "Inkluderer 30 nedlagte plasser på Eikstunet"), INDICATORS,
                Map.of())).outcome()).isEqualTo(Outcome.ALREADY_STORED);
    }

    @Test
    void aCommentThatIsAFormulaIsRejectedNamingItsCell() {
        Edit comment = new Edit(Edit.Kind.COMMENT, "Tjenesteprofil", "L5", PER_PLASS, "3201", 2024, "",
                "=HYPERLINK(\"http://example.invalid\",\"Se notat\")", null);

        Decision decision = decide(comment, new StoredNow(Map.of(), Map.of(), INDICATORS, Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("Kommentaren i Tjenesteprofil!L5 inneholder formelen"
                + " '=HYPERLINK(\"http://example.invalid\",\"Se notat\")'; formler lagres ikke, skriv kommentaren som tekst");
    }

    @Test
    void anOverwrittenIndexAndAnAddedRowAreRejectedWithTheirReasons() {
        List<Edit> edits = EditFinder.find(List.of(), List.of(),
                List.of(new LockedCell("Tjenesteprofil", "H5", PER_PLASS, "3201", 2024, "=C5/D5*100", null, "95")),
                List.of(new AddedRow("Tjenesteprofil", "A23", "Tjenesteprofil", "Egen indikator 12")));

        List<Decision> decisions = EditDecider.decide(edits, new StoredNow(Map.of(), Map.of(), INDICATORS, Map.of()), STORE);

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

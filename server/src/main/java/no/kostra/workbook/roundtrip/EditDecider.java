package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import no.kostra.catalog.Indicator;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.Plausibility;
import no.kostra.ingest.NorwegianNumber;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.roundtrip.Decision.Outcome;

/**
 * Decides each edit against what the store holds now. Pure. The rules, in order: a formula typed into a data cell or a
 * comment cell, a computed cell overwritten, an added row, or text where a number belongs is rejected; an edit equal
 * to what is stored is already stored; an edit to a figure that changed in the store since the workbook was made is a
 * conflict (both kept, neither overwritten); a figure the team's plausibility rule doubts ({@link Plausibility}) is
 * held unless the upload is confirmed; anything else is applied. One held edit holds the whole upload, so every
 * other decision then says what would have been stored, as a dry run's do: nothing a reason says was stored is not.
 */
public final class EditDecider {
    static final int MAX_COMMENT_LENGTH = 4000;
    /** A formula can be as long as a comment; the reason shows its start. */
    private static final int SHOWN_FORMULA_LENGTH = 200;
    private static final Set<String> STATUS_SYMBOLS = Set.of(".", "..", ":", "-");

    /**
     * @param acceptOutliers the person confirmed the upload: doubtful figures are stored like any other
     * @param dryRun         nothing is stored whatever the decisions
     */
    public record Mode(boolean acceptOutliers, boolean dryRun) {
    }

    private EditDecider() {
    }

    public static List<Decision> decide(List<Edit> edits, StoredNow stored, Mode mode) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Edit edit : edits) {
            verdicts.add(switch (edit.kind()) {
                case VALUE -> value(edit, stored, mode);
                case COMMENT -> comment(edit, stored);
                case LOCKED_CELL -> reject(edit, "Cellen " + where(edit)
                        + " er en beregning (formel) og kan ikke endres; endre tallet den bygger på i stedet");
                case ROW_ADDED -> reject(edit, "Raden i " + where(edit)
                        + " er lagt til for hånd og lagres ikke: tjenesten vet ikke hvilken indikator den gjelder");
            });
        }
        boolean held = verdicts.stream().anyMatch(v -> v.outcome() == Outcome.HELD);
        boolean stores = !mode.dryRun() && !held;
        return verdicts.stream().map(v -> new Decision(v.edit(), v.outcome(), v.storedNow(),
                v.outcome() == Outcome.HELD ? v.reason().say(!mode.dryRun()) : v.reason().say(stores))).toList();
    }

    /** A reason in the tense of what happens: stored (true) or only what would have been (false). */
    private interface Reason {
        String say(boolean happens);
    }

    private record Verdict(Edit edit, Outcome outcome, String storedNow, Reason reason) {
    }

    private static Verdict value(Edit edit, StoredNow stored, Mode mode) {
        String typed = edit.newText();
        if (typed.startsWith("=")) {
            return reject(edit, "Cellen " + where(edit) + " inneholder formelen '" + shortened(typed) + "'; formler lagres ikke, skriv inn tallet");
        }
        String newText;
        if (edit.newNumber() != null) {
            newText = CellProvenance.canonical(edit.newNumber());
        } else if (STATUS_SYMBOLS.contains(typed)) {
            newText = typed;
        } else if (typed.isEmpty()) {
            return reject(edit, "Cellen " + where(edit) + " er tømt; skriv '..' for et tall som ikke finnes");
        } else {
            return reject(edit, "'" + typed + "' i " + where(edit) + " er ikke et tall");
        }
        String now = stored.figures().get(edit.key());
        if (newText.equals(now)) {
            return new Verdict(edit, Outcome.ALREADY_STORED, now, happens -> "Tallet er allerede lagret");
        }
        if (now != null && !now.equals(edit.oldText())) {
            String reason = "Tallet er endret i tjenesten siden arbeidsboken ble laget (fra " + shown(edit.oldText()) + " til "
                    + shown(now) + "), og også i arbeidsboken (til " + shown(newText) + "); ingen av dem er overskrevet";
            return new Verdict(edit, Outcome.CONFLICT, now, happens -> reason);
        }
        Optional<String> doubt = doubt(edit, stored);
        if (doubt.isPresent() && !mode.acceptOutliers()) {
            String why = "tallet i " + where(edit) + " ser feil ut: " + doubt.get();
            return new Verdict(edit, Outcome.HELD, now, happens -> happens
                    ? "Holdt tilbake, " + why + ". Ingenting fra arbeidsboken er lagret; er tallet riktig, send den på nytt med"
                    + " bekreftelse (acceptOutliers=true, eller apply --accept-outliers)"
                    : "Ville blitt holdt tilbake, " + why + "; er tallet riktig, send arbeidsboken med bekreftelse"
                    + " (acceptOutliers=true, eller apply --accept-outliers)");
        }
        String correction = " som rettelse (forrige verdi " + shown(edit.oldText()) + ")"
                + doubt.map(d -> ", bekreftet selv om tallet ser feil ut: " + d).orElse("");
        return new Verdict(edit, Outcome.APPLIED, now, happens -> (happens ? "Lagret" : "Ville blitt lagret") + correction);
    }

    /** The team's plausibility rule for a corrected number: its unit's range, and a jump from the year before. */
    private static Optional<String> doubt(Edit edit, StoredNow stored) {
        Indicator indicator = stored.indicators().get(edit.indicator());
        if (edit.newNumber() == null || indicator == null) {
            return Optional.empty();
        }
        Double before = stored.previousYear().get(edit.key());
        return Plausibility.doubt(indicator, edit.newNumber(), before == null ? OptionalDouble.empty() : OptionalDouble.of(before));
    }

    private static Verdict comment(Edit edit, StoredNow stored) {
        // a live formula reads as "=…"; text that starts so would become one when typed back into a workbook
        if (edit.newText().startsWith("=")) {
            return reject(edit, "Kommentaren i " + where(edit) + " inneholder formelen '" + shortened(edit.newText())
                    + "'; formler lagres ikke, skriv kommentaren som tekst");
        }
        if (edit.newText().length() > MAX_COMMENT_LENGTH) {
            return reject(edit, "Kommentaren i " + where(edit) + " er lengre enn " + MAX_COMMENT_LENGTH + " tegn");
        }
        String now = stored.comments().getOrDefault(edit.key(), "");
        if (edit.newText().equals(now)) {
            return new Verdict(edit, Outcome.ALREADY_STORED, now, happens -> "Kommentaren er allerede lagret");
        }
        if (!now.equals(edit.oldText())) {
            return new Verdict(edit, Outcome.CONFLICT, now,
                    happens -> "Kommentaren er endret i tjenesten siden arbeidsboken ble laget; ingen av dem er overskrevet");
        }
        String done = edit.newText().isEmpty() ? "fjernet" : "lagret";
        return new Verdict(edit, Outcome.APPLIED, now, happens -> "Kommentaren " + (happens ? "er " : "ville blitt ") + done);
    }

    private static String shortened(String text) {
        return text.length() > SHOWN_FORMULA_LENGTH ? text.substring(0, SHOWN_FORMULA_LENGTH) + "…" : text;
    }

    private static Verdict reject(Edit edit, String reason) {
        return new Verdict(edit, Outcome.REJECTED, null, happens -> reason);
    }

    private static String where(Edit edit) {
        return edit.sheet() + "!" + edit.cell();
    }

    /** A figure as the person reads numbers (1 552 889, 0,972); a status symbol as it is. */
    private static String shown(String figure) {
        OptionalDouble number = figure == null || STATUS_SYMBOLS.contains(figure) ? OptionalDouble.empty() : NorwegianNumber.parse(figure);
        return number.isPresent() ? NorwegianFormat.plain(number.getAsDouble()) : String.valueOf(figure);
    }
}

package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.roundtrip.Decision.Outcome;

/**
 * Decides each edit against what the store holds now. Pure. The rules, in order:
 * a formula typed into a data cell or a comment cell, a computed cell overwritten, an added row, text where a number
 * belongs or a number outside the indicator's sane range is rejected; an edit equal to what is stored is already
 * stored; an edit to a figure that changed in the store since the workbook was made is a conflict (both kept, neither
 * overwritten); anything else is applied.
 */
public final class EditDecider {
    static final int MAX_COMMENT_LENGTH = 4000;
    /** A formula in a comment can be as long as a comment; the reason shows its start. */
    private static final int SHOWN_FORMULA_LENGTH = 200;
    private static final Set<String> STATUS_SYMBOLS = Set.of(".", "..", ":", "-");

    private EditDecider() {
    }

    public static List<Decision> decide(List<Edit> edits, StoredNow stored) {
        List<Decision> decisions = new ArrayList<>();
        for (Edit edit : edits) {
            decisions.add(switch (edit.kind()) {
                case VALUE -> value(edit, stored);
                case COMMENT -> comment(edit, stored);
                case LOCKED_CELL -> new Decision(edit, Outcome.REJECTED, null, "Cellen " + where(edit)
                        + " er en beregning (formel) og kan ikke endres; endre tallet den bygger på i stedet");
                case ROW_ADDED -> new Decision(edit, Outcome.REJECTED, null, "Raden i " + where(edit)
                        + " er lagt til for hånd og lagres ikke: tjenesten vet ikke hvilken indikator den gjelder");
            });
        }
        return List.copyOf(decisions);
    }

    private static Decision value(Edit edit, StoredNow stored) {
        String typed = edit.newText();
        if (typed.startsWith("=")) {
            return reject(edit, "Cellen " + where(edit) + " inneholder formelen '" + typed
                    + "'; formler lagres ikke, skriv inn tallet");
        }
        String newText;
        if (edit.newNumber() != null) {
            SaneRange range = stored.ranges().get(edit.indicator());
            if (range != null && !range.contains(edit.newNumber())) {
                return reject(edit, "Tallet " + CellProvenance.canonical(edit.newNumber()) + " i " + where(edit)
                        + " er utenfor det rimelige området for indikatoren (" + describe(range) + ")");
            }
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
            return new Decision(edit, Outcome.ALREADY_STORED, now, "Tallet er allerede lagret");
        }
        if (now != null && !now.equals(edit.oldText())) {
            return new Decision(edit, Outcome.CONFLICT, now, "Tallet er endret i tjenesten siden arbeidsboken ble laget (fra "
                    + edit.oldText() + " til " + now + "), og også i arbeidsboken (til " + newText + "); ingen av dem er overskrevet");
        }
        return new Decision(edit, Outcome.APPLIED, now, "Lagret som rettelse (forrige verdi " + edit.oldText() + ")");
    }

    private static Decision comment(Edit edit, StoredNow stored) {
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
            return new Decision(edit, Outcome.ALREADY_STORED, now, "Kommentaren er allerede lagret");
        }
        if (!now.equals(edit.oldText())) {
            return new Decision(edit, Outcome.CONFLICT, now,
                    "Kommentaren er endret i tjenesten siden arbeidsboken ble laget; ingen av dem er overskrevet");
        }
        return new Decision(edit, Outcome.APPLIED, now, edit.newText().isEmpty() ? "Kommentaren er fjernet" : "Kommentaren er lagret");
    }

    private static String shortened(String text) {
        return text.length() > SHOWN_FORMULA_LENGTH ? text.substring(0, SHOWN_FORMULA_LENGTH) + "…" : text;
    }

    private static Decision reject(Edit edit, String reason) {
        return new Decision(edit, Outcome.REJECTED, null, reason);
    }

    private static String where(Edit edit) {
        return edit.sheet() + "!" + edit.cell();
    }

    private static String describe(SaneRange range) {
        String min = CellProvenance.canonical(range.min());
        return range.max() == null ? "minst " + min
                : "fra " + min + " til " + CellProvenance.canonical(range.max()).toLowerCase(Locale.ROOT);
    }
}

package no.kostra.workbook.roundtrip;

import java.util.Map;
import java.util.OptionalDouble;
import no.kostra.errors.ConflictException;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.NorwegianNumber;

/** Why an applied edit cannot be taken back, said to the person who asked. */
final class UndoRefusal {
    private UndoRefusal() {
    }

    static NotFoundException noUpload(String id) {
        return new NotFoundException("Fant ikke innsendt arbeidsbok " + id, Map.of("id", id));
    }

    static NotFoundException noEdit(String id, int seq) {
        return new NotFoundException("Fant ikke endring " + seq + " i innsendt arbeidsbok " + id, Map.of("id", id, "seq", seq));
    }

    /** Refuses an edit that was never applied (400), is undone already, or whose figure changed again since (409). */
    static void check(String id, StoredUpload.StoredEdit edit, String storedNow) {
        int seq = edit.seq();
        if (!edit.outcome().equals(Decision.Outcome.APPLIED.name())) {
            throw new InvalidInputException("Endring " + seq + " ble ikke lagret (" + edit.outcome() + "), så den kan ikke angres",
                    Map.of("id", id, "seq", seq));
        }
        if (edit.undone()) {
            throw new ConflictException("Endring " + seq + " er allerede angret", Map.of("id", id, "seq", seq));
        }
        if (!edit.newText().equals(storedNow) && !sameNumber(edit.newText(), storedNow)) {
            throw new ConflictException("Endring " + seq + " kan ikke angres: verdien er endret igjen siden (nå " + storedNow + ")",
                    Map.of("id", id, "seq", seq, "storedNow", String.valueOf(storedNow)));
        }
    }

    private static boolean sameNumber(String typed, String stored) {
        OptionalDouble a = NorwegianNumber.parse(typed);
        OptionalDouble b = stored == null ? OptionalDouble.empty() : NorwegianNumber.parse(stored);
        return a.isPresent() && b.isPresent() && Double.compare(a.getAsDouble(), b.getAsDouble()) == 0;
    }
}

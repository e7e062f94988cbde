package no.kostra.cli;

import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/** A refused file as the terminal shows it: one problem in the sentence, several one a line under it. */
final class Refusal {
    private Refusal() {
    }

    /** "tall.csv linje 2, kolonne value: …", or "tall.csv har 3 feil:" and each problem on an indented line. */
    static String lines(InvalidInputException refused) {
        if (!(refused.detail() instanceof Map<?, ?> detail) || !(detail.get("problems") instanceof List<?> problems)) {
            return refused.getMessage();
        }
        StringBuilder text = new StringBuilder(detail.get("file") + " har " + detail.get("count") + " feil:");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        int more = ((Number) detail.get("count")).intValue() - problems.size();
        if (more > 0) {
            text.append(System.lineSeparator()).append("  … og ").append(more).append(" til");
        }
        return text.toString();
    }
}

package no.kostra.ingest;

import java.util.ArrayList;
import java.util.List;
import no.kostra.compute.NorwegianFormat;

/** An import's counts as one bokmål line for the person who ran it: "4 tall endret, 51 gjort endelige, …". */
final class ImportSummary {
    /** What became of the import. */
    enum Outcome {
        STORED, DRY_RUN, HELD
    }

    private ImportSummary() {
    }

    static String line(Outcome outcome, int added, int changed, int vintageChanged, int unchanged, int rejected,
                       int conflicts, int warned, int outliers) {
        boolean stored = outcome == Outcome.STORED;
        String would = stored ? " " : " ville blitt ";
        List<String> parts = new ArrayList<>();
        parts.add(count(changed, "tall", "tall") + would + "endret");
        parts.add(NorwegianFormat.number(vintageChanged, 0) + would + "gjort endelige");
        parts.add(count(added, "nytt tall", "nye tall") + (stored ? "" : " ville blitt lagt til"));
        parts.add(NorwegianFormat.number(unchanged, 0) + " uendret");
        if (conflicts > 0) {
            parts.add(count(conflicts, "konflikt", "konflikter") + " med en annen kilde");
        }
        if (rejected > 0) {
            parts.add(count(rejected, "rad", "rader") + " avvist");
        }
        if (warned > 0) {
            parts.add(count(warned, "advarsel", "advarsler"));
        }
        if (outliers > 0 && outcome != Outcome.HELD) {
            parts.add(count(outliers, "usannsynlig tall", "usannsynlige tall") + (stored ? " lagret, men bør sjekkes"
                    : " ville blitt holdt tilbake"));
        }
        String text = String.join(", ", parts);
        return switch (outcome) {
            case STORED -> text;
            case DRY_RUN -> "Prøvekjøring, ingenting er lagret: " + text;
            case HELD -> "Ingenting er lagret: " + count(outliers, "tall ser usannsynlig ut", "tall ser usannsynlige ut")
                    + " og må bekreftes; ellers " + text;
        };
    }

    /** "1 rad", "1 071 000 rader". */
    static String count(int n, String one, String many) {
        return NorwegianFormat.number(n, 0) + " " + (n == 1 ? one : many);
    }
}

package no.kostra.workbook.roundtrip;

import java.util.List;

/**
 * The answer to a returned workbook: every edit with its decision. {@code uploadId} is null when nothing was stored:
 * for a dry run, for a file that was applied before ({@code alreadyReceived} then names the earlier upload), and for
 * a file with a figure held for confirmation ({@code confirmationNeeded}: send it again with the upload confirmed).
 */
public record UploadReport(String uploadId, String alreadyReceived, boolean dryRun, boolean confirmationNeeded,
                           UploadHeader header, List<Decision> decisions, Counts counts, long dataRevision) {
    public UploadReport {
        decisions = List.copyOf(decisions);
    }

    static UploadReport of(RoundTripStore.Received received, boolean dryRun, UploadHeader header, long dataRevision) {
        Counts counts = Counts.of(received.decisions());
        return new UploadReport(received.uploadId(), received.alreadyReceived(), dryRun, !dryRun && counts.held() > 0, header,
                received.decisions(), counts, dataRevision);
    }

    /**
     * What a person reads when the upload was held: "Ingenting er lagret: 1 rettet tall ser feil ut og må bekreftes
     * (Profil!G45); er tallene riktige, " followed by how to confirm where they are (a parameter, an option).
     */
    public String heldSentence(String howToConfirm) {
        List<String> cells = decisions.stream().filter(d -> d.outcome() == Decision.Outcome.HELD)
                .map(d -> d.edit().sheet() + "!" + d.edit().cell()).toList();
        return "Ingenting er lagret: " + cells.size() + (cells.size() == 1 ? " rettet" : " rettede") + " tall ser feil ut og må"
                + " bekreftes (" + String.join(", ", cells) + "); er tallene riktige, " + howToConfirm;
    }

    public record Counts(int edits, int applied, int conflicts, int rejected, int alreadyStored, int held) {
        static Counts of(List<Decision> decisions) {
            int applied = 0;
            int conflicts = 0;
            int rejected = 0;
            int already = 0;
            int held = 0;
            for (Decision d : decisions) {
                switch (d.outcome()) {
                    case APPLIED -> applied++;
                    case CONFLICT -> conflicts++;
                    case REJECTED -> rejected++;
                    case ALREADY_STORED -> already++;
                    case HELD -> held++;
                }
            }
            return new Counts(decisions.size(), applied, conflicts, rejected, already, held);
        }
    }
}

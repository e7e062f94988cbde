package no.kostra.workbook.roundtrip;

import java.util.List;

/**
 * The answer to a returned workbook: every edit with its decision. {@code uploadId} is null for a dry run and for a
 * file that was applied before ({@code alreadyReceived} then names the earlier upload).
 */
public record UploadReport(String uploadId, String alreadyReceived, boolean dryRun, UploadHeader header,
                           List<Decision> decisions, Counts counts, long dataRevision) {
    public UploadReport {
        decisions = List.copyOf(decisions);
    }

    public record Counts(int edits, int applied, int conflicts, int rejected, int alreadyStored) {
        static Counts of(List<Decision> decisions) {
            int applied = 0;
            int conflicts = 0;
            int rejected = 0;
            int already = 0;
            for (Decision d : decisions) {
                switch (d.outcome()) {
                    case APPLIED -> applied++;
                    case CONFLICT -> conflicts++;
                    case REJECTED -> rejected++;
                    case ALREADY_STORED -> already++;
                }
            }
            return new Counts(decisions.size(), applied, conflicts, rejected, already);
        }
    }
}

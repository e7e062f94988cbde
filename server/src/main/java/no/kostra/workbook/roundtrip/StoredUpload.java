package no.kostra.workbook.roundtrip;

import java.util.List;

/** A returned workbook as kept for audit: the file's identity, what it was made from, and every edit's decision. */
public record StoredUpload(long id, UploadHeader header, long fileBytes, Long importId, List<StoredEdit> edits) {
    public StoredUpload {
        edits = List.copyOf(edits);
    }

    /** One decided edit; {@code undone} when a correction was taken back. */
    public record StoredEdit(int seq, String kind, String sheet, String cell, String indicator, String region, Integer year,
                             String oldText, String newText, String outcome, String storedNow, String reason, boolean undone) {
    }
}

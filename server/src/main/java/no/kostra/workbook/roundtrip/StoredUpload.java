package no.kostra.workbook.roundtrip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A returned workbook as kept for audit: the file's identity, what it was made from, and every edit's decision.
 *
 * @param id         the upload's unguessable public id, its address in the API
 * @param internalId the database row's number, never shown (counting it must not reach other uploads)
 */
public record StoredUpload(String id, @JsonIgnore long internalId, UploadHeader header, long fileBytes, Long importId,
                           List<StoredEdit> edits) {
    public StoredUpload {
        edits = List.copyOf(edits);
    }

    /** One decided edit; {@code undone} when a correction was taken back. */
    public record StoredEdit(int seq, String kind, String sheet, String cell, String indicator, String region, Integer year,
                             String oldText, String newText, String outcome, String storedNow, String reason, boolean undone) {
    }
}

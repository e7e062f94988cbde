package no.kostra.workbook.roundtrip;

import java.time.Instant;
import java.util.Objects;

/**
 * What a returned file is: who sent it, its checksum, and what the service made it from.
 *
 * @param sender     who sent it, as the service knows them: the signed-in caller's name, the command line's user, or
 *                   {@code uten innlogging}; the figures' recorded source
 * @param senderNote the sender the person wrote themselves ({@code sender=}, {@code --sender}), a note only; null when none
 */
public record UploadHeader(String checksum, String fileName, String sender, String senderNote, Instant receivedAt,
                           String templateId, String templateVersion, String region, int year, Instant madeAt,
                           long filledRevision) {
    /** The widths of workbook_upload's file_name and sender_note columns (V50, V81). */
    public static final int MAX_FILE_NAME_LENGTH = 400;
    public static final int MAX_SENDER_LENGTH = 200;

    public UploadHeader {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sender, "sender");
        senderNote = senderNote == null || senderNote.isBlank() ? null : senderNote.strip();
        if (senderNote != null && senderNote.length() > 200) {
            throw new no.kostra.errors.InvalidInputException("Avsenderen (sender) kan være høyst 200 tegn",
                    java.util.Map.of("field", "sender"));
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(madeAt, "madeAt");
    }
}

package no.kostra.workbook.roundtrip;

import java.time.Instant;
import java.util.Objects;

/** What a returned file is: who sent it, its checksum, and what the service made it from. */
public record UploadHeader(String checksum, String fileName, String sender, Instant receivedAt, String templateId,
                           String templateVersion, String region, int year, Instant madeAt, long filledRevision) {
    public UploadHeader {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(madeAt, "madeAt");
    }
}

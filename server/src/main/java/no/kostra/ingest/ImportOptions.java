package no.kostra.ingest;

import java.util.Objects;
import no.kostra.observation.Vintage;

/**
 * How to read one file.
 *
 * @param format      the format, or null to tell it from the content type and the first bytes
 * @param contentType the HTTP Content-Type the file came with, or null
 */
public record ImportOptions(ImportFormat format, String contentType, Vintage vintage, ImportMapping mapping) {
    public ImportOptions {
        Objects.requireNonNull(vintage, "vintage");
        mapping = mapping == null ? ImportMapping.defaults() : mapping;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, Vintage.FINAL, ImportMapping.defaults());
    }
}

package no.kostra.ingest;

import java.util.Objects;
import no.kostra.observation.Vintage;

/**
 * How to read and store one file.
 *
 * @param format         the format, or null to tell it from the content type and the first bytes
 * @param contentType    the HTTP Content-Type the file came with, or null
 * @param dryRun         work out the whole report as the import would be, and store nothing
 * @param acceptOutliers store figures {@link no.kostra.compute.Plausibility} doubts (named in the report) instead of
 *                       holding the whole file for a confirmation
 * @param reportYear     for an update from StatBank: only this year takes {@code vintage}, earlier years are final;
 *                       null: every figure takes it
 */
public record ImportOptions(ImportFormat format, String contentType, Vintage vintage, ImportMapping mapping, boolean dryRun,
                            boolean acceptOutliers, Integer reportYear) {
    public ImportOptions {
        Objects.requireNonNull(vintage, "vintage");
        mapping = mapping == null ? ImportMapping.defaults() : mapping;
    }

    public ImportOptions(ImportFormat format, String contentType, Vintage vintage, ImportMapping mapping) {
        this(format, contentType, vintage, mapping, false, false, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, Vintage.FINAL, ImportMapping.defaults());
    }

    public ImportOptions dryRun(boolean dry) {
        return new ImportOptions(format, contentType, vintage, mapping, dry, acceptOutliers, reportYear);
    }

    public ImportOptions acceptOutliers(boolean accept) {
        return new ImportOptions(format, contentType, vintage, mapping, dryRun, accept, reportYear);
    }

    public ImportOptions forReportYear(int year) {
        return new ImportOptions(format, contentType, vintage, mapping, dryRun, acceptOutliers, year);
    }
}

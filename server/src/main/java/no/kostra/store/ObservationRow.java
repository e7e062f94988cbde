package no.kostra.store;

import java.util.Objects;
import no.kostra.observation.Figure;

/**
 * A municipality figure to store.
 *
 * @param region       the canonical (current) code the series is kept under
 * @param reportedCode the code the source used (3024 for Bærum in 2023), kept for provenance
 */
public record ObservationRow(String indicatorId, String region, String reportedCode, int year, Figure figure,
                             String source, String note) {
    public ObservationRow {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(reportedCode, "reportedCode");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(source, "source");
    }
}

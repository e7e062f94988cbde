package no.kostra.observation;

import java.util.Objects;

/**
 * A municipality's figure for an indicator and year, as stored (its current revision).
 *
 * @param region the region's canonical (current) code, whatever code it was reported under
 */
public record Observation(String indicatorId, String region, int year, Figure figure) {
    public Observation {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(figure, "figure");
    }
}

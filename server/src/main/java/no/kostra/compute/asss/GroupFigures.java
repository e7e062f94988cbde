package no.kostra.compute.asss;

import java.util.List;
import no.kostra.catalog.MeanKind;

/**
 * A group's figures computed from its members' values.
 *
 * @param meanKind "weighted" or "flat" ({@link MeanKind#code()})
 * @param mean     Σ(value × weight) / Σ weight for a weighted mean, the arithmetic mean for a flat one; null when no
 *                 member could be counted
 * @param high     the member with the highest value, or null
 * @param low      the member with the lowest value, or null
 * @param counted  the members the mean was formed from
 * @param excluded members left out, each with the reason (no value, or no weight for a weighted mean)
 */
public record GroupFigures(String meanKind, Double mean, Member high, Member low, List<String> counted,
                           List<Excluded> excluded) {
    public GroupFigures {
        counted = List.copyOf(counted);
        excluded = List.copyOf(excluded);
    }

    public record Member(String region, double value) {
    }

    /** @param reason bokmål, e.g. "mangler verdi (..)" or "mangler vekt" */
    public record Excluded(String region, String reason) {
    }
}

package no.kostra.compute;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;

/**
 * The stored figures a profile is computed from.
 *
 * @param municipality indicator id → year → figure
 * @param asss         indicator id → statistic → figure, for the report year
 * @param computedAsss the indicators whose ASSS figures were formed from the members' values (KS's are not stored)
 * @param neighbours   neighbour's name (e.g. "Asker") → indicator id → figure for the report year, for the narrative
 * @param comments     indicator id → the service leader's current comment on the report-year figure
 */
public record ProfileInputs(Map<String, Map<Integer, Figure>> municipality, Map<String, Map<Statistic, Figure>> asss,
                            Set<String> computedAsss, Map<String, Map<String, Figure>> neighbours,
                            Map<String, String> comments) {
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    public ProfileInputs {
        municipality = Map.copyOf(municipality);
        asss = Map.copyOf(asss);
        computedAsss = Set.copyOf(computedAsss);
        neighbours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neighbours));
        comments = Map.copyOf(comments);
    }

    public ProfileInputs(Map<String, Map<Integer, Figure>> municipality, Map<String, Map<Statistic, Figure>> asss) {
        this(municipality, asss, Set.of(), Map.of(), Map.of());
    }

    /** neighbour's name → its value for the indicator (null when it has none), in the order given. */
    Map<String, Double> neighbourValues(String indicator) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        neighbours.forEach((name, figures) -> out.put(name, Optional.ofNullable(figures.get(indicator)).map(Figure::value).orElse(null)));
        return out;
    }

    Figure municipality(String indicator, int year) {
        return Optional.ofNullable(municipality.get(indicator)).map(m -> m.get(year)).orElse(NOT_STORED);
    }

    Figure asss(String indicator, Statistic statistic) {
        return Optional.ofNullable(asss.get(indicator)).map(m -> m.get(statistic)).orElse(NOT_STORED);
    }
}

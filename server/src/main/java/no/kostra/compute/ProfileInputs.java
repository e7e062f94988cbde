package no.kostra.compute;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
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
 * @param preliminary  which of the municipality's figures and the ASSS figures (keyed as group "ASSS") are preliminary;
 *                     a computed ASSS figure is when a member's figure it is formed from is
 */
public record ProfileInputs(Map<String, Map<Integer, Figure>> municipality, Map<String, Map<Statistic, Figure>> asss,
                            Set<String> computedAsss, Map<String, Map<String, Figure>> neighbours,
                            Map<String, String> comments, Preliminary preliminary) {
    /** The group the ASSS figures belong to, in {@link Preliminary} keys. */
    public static final String ASSS = "ASSS";
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    public ProfileInputs {
        municipality = Map.copyOf(municipality);
        asss = Map.copyOf(asss);
        computedAsss = Set.copyOf(computedAsss);
        neighbours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neighbours));
        comments = Map.copyOf(comments);
        java.util.Objects.requireNonNull(preliminary, "preliminary");
    }

    /** Inputs whose figures are all final. */
    public ProfileInputs(Map<String, Map<Integer, Figure>> municipality, Map<String, Map<Statistic, Figure>> asss,
                         Set<String> computedAsss, Map<String, Map<String, Figure>> neighbours, Map<String, String> comments) {
        this(municipality, asss, computedAsss, neighbours, comments, Preliminary.NONE);
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

    /** The municipality's figure for the year as shown, with its vintage. */
    YearFigure shown(String indicator, String region, int year) {
        boolean stored = municipality.getOrDefault(indicator, Map.of()).containsKey(year);
        return YearFigure.of(year, municipality(indicator, year), preliminary.vintage(Preliminary.figure(indicator, region, year), stored));
    }

    /** An ASSS figure for the report year as shown, with its vintage. */
    YearFigure shownAsss(String indicator, int year, Statistic statistic) {
        boolean stored = asss.getOrDefault(indicator, Map.of()).containsKey(statistic);
        return YearFigure.of(year, asss(indicator, statistic), preliminary.vintage(Preliminary.statistic(indicator, ASSS, year,
                statistic), stored));
    }
}

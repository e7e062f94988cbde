package no.kostra.compute;

import java.util.Map;
import java.util.Optional;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;

/**
 * The stored figures a profile is computed from.
 *
 * @param municipality indicator id → year → figure
 * @param asss         indicator id → statistic → figure, for the report year
 */
public record ProfileInputs(Map<String, Map<Integer, Figure>> municipality, Map<String, Map<Statistic, Figure>> asss) {
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    public ProfileInputs {
        municipality = Map.copyOf(municipality);
        asss = Map.copyOf(asss);
    }

    Figure municipality(String indicator, int year) {
        return Optional.ofNullable(municipality.get(indicator)).map(m -> m.get(year)).orElse(NOT_STORED);
    }

    Figure asss(String indicator, Statistic statistic) {
        return Optional.ofNullable(asss.get(indicator)).map(m -> m.get(statistic)).orElse(NOT_STORED);
    }
}

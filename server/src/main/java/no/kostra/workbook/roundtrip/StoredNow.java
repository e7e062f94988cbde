package no.kostra.workbook.roundtrip;

import java.util.Map;
import no.kostra.catalog.Indicator;

/**
 * What the store holds now for the edited keys ({@code indicator|region|year}).
 *
 * @param figures      the current figure as text: a plain number or a status symbol; absent when none is stored
 * @param comments     the current comment; absent when none
 * @param indicators   the edited indicators by id, as the catalogue describes them (unit, for the plausibility rule)
 * @param previousYear the same figure a year earlier, by the edited key, when a number is stored for it
 */
public record StoredNow(Map<String, String> figures, Map<String, String> comments, Map<String, Indicator> indicators,
                        Map<String, Double> previousYear) {
    public StoredNow {
        figures = Map.copyOf(figures);
        comments = Map.copyOf(comments);
        indicators = Map.copyOf(indicators);
        previousYear = Map.copyOf(previousYear);
    }
}

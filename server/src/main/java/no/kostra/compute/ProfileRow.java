package no.kostra.compute;

import java.util.List;

/**
 * One row of a service profile.
 *
 * @param unit             the unit's code ({@code ratio}), as files and the API carry it
 * @param unitName         the unit as a person reads it ({@code forholdstall})
 * @param index            the municipality's report-year value / ASSS mean × 100; null when either is missing
 * @param deviationPercent (value / mean − 1) × 100: percent over (+) or under (−) the ASSS mean
 * @param change           change from the year before, or null when either year is missing
 * @param narrative        bokmål sentences about the row (see {@link no.kostra.compute.narrative.ProfileNarrative})
 * @param comment          the service leader's comment on the report-year figure (from a returned workbook), or null
 */
public record ProfileRow(String indicator, String name, String category, String unit, String unitName, int decimals,
                         List<YearFigure> values, AsssFigures asss, Double index, Double deviationPercent,
                         Change change, ChartValues chart, List<String> narrative, String comment) {
    public ProfileRow {
        values = List.copyOf(values);
        narrative = List.copyOf(narrative);
    }
}

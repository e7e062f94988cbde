package no.kostra.workbook;

import java.util.List;
import java.util.Objects;
import no.kostra.compute.YearFigure;

/**
 * One line of a series table: an indicator for one region over the years shown.
 *
 * @param unit      the unit as a person reads it ({@link no.kostra.catalog.Unit#displayName})
 * @param region    canonical municipality code, or a group code (ASSS, KG12, KG13)
 * @param statistic null for a municipality's own figure; "mean" for a group's published mean
 * @param figures   one per year shown, oldest first; a year with nothing stored is {@code ..} (not available)
 */
public record SeriesRow(String indicator, String name, String unit, int decimals, String region, String regionName,
                        String statistic, List<YearFigure> figures) {
    public SeriesRow {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        figures = List.copyOf(figures);
    }

    /** The row key in the table and the provenance map: indicator and region. */
    public String rowKey() {
        return indicator + "|" + region;
    }
}

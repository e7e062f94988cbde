package no.kostra.compute.series;

import java.util.List;

/**
 * A series as served. Each value carries its nominal figure and the factor it was multiplied by, so every adjusted
 * figure can be recomputed by hand: value = nominal × factor.
 *
 * @param adjustment bokmål text saying how the figures were adjusted
 */
public record Series(IndicatorRef indicator, String adjust, String adjustment, List<Integer> years, List<Line> lines,
                     List<String> narrative) {
    public Series {
        years = List.copyOf(years);
        lines = List.copyOf(lines);
        narrative = List.copyOf(narrative);
    }

    public record IndicatorRef(String id, String name, String unit, int decimals) {
    }

    public record RegionRef(String code, String name) {
    }

    /** @param basis "observation", "published" or "computed" (a group mean formed from members) */
    public record Line(RegionRef region, String basis, List<Value> values) {
        public Line {
            values = List.copyOf(values);
        }
    }

    /**
     * @param factor  Π(1 + deflator) over the later years, divided by the expense-need index, as applied; 1 when none
     * @param vintage "preliminary" or "final" for a stored figure (a computed group mean: preliminary when any member's
     *                figure is), null where none is stored
     */
    public record Value(int year, Double value, String status, Double nominal, Double factor, String vintage) {
    }
}

package no.kostra.compute.asss;

import java.util.List;

/**
 * A municipality's figure for one indicator and year set against ASSS and the other comparison groups.
 *
 * @param vintage      the municipality's figure's: "preliminary" or "final", null where none is stored
 * @param asssMean     the ASSS mean used: the published one where stored, else the one computed from members
 * @param asssBasis    "published" or "computed"
 * @param asssVintage  the ASSS mean's: preliminary when KS's is, or when any member's figure a computed one is formed from is
 * @param computed     the ASSS figures computed from member values, or null when no member value is stored
 * @param rank         the municipality's place among the ASSS members (1 = highest), or null
 * @param others       Asker, KOSTRA-gruppe 12/13, the country without Oslo: each with the municipality's deviation
 * @param discrepancies published ASSS figures that differ from the computed ones
 */
public record Comparison(String indicator, String name, String unit, int decimals, String meanKind, int year,
                         String region, String regionName, Double value, String status, String vintage, Double asssMean,
                         String asssBasis, String asssVintage, Double deviationPercent, GroupFigures computed, GroupMeans.Rank rank,
                         List<Other> others, List<Discrepancy> discrepancies, List<String> narrative) {
    public Comparison {
        others = List.copyOf(others);
        discrepancies = List.copyOf(discrepancies);
        narrative = List.copyOf(narrative);
    }

    /**
     * @param vintage          "preliminary" or "final"
     * @param basis            "observation" (a municipality's own figure), "published" or "computed"
     * @param deviationPercent (municipality / other − 1) × 100, or null when either is missing
     */
    public record Other(String code, String name, Double value, String vintage, String basis, Double deviationPercent) {
    }

    /** (value / reference − 1) × 100, or null when either is missing or the reference is zero. */
    public static Double deviation(Double value, Double reference) {
        if (value == null || reference == null || reference == 0.0) {
            return null;
        }
        return (value / reference - 1.0) * 100.0;
    }
}

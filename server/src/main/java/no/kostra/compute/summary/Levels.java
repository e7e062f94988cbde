package no.kostra.compute.summary;

import java.util.List;
import java.util.Optional;
import no.kostra.compute.efficiency.EfficiencyYear;

/**
 * An area's cost, production and efficiency in one year, in percent over (+) or under (−) ASSS, each null where it is
 * not known. Cost and production are rounded to six decimals, as a workbook cell holds them; efficiency is formed from
 * them as the workbook's formula forms it, (1 + P) / (1 + C) − 1, so a sentence quoting it quotes the cell.
 */
public record Levels(int year, Double cost, Double production, Double efficiency) {
    /** The split's levels for the year, if it has the year. */
    public static Optional<Levels> in(List<EfficiencyYear> split, int year) {
        return split.stream().filter(y -> y.year() == year).findFirst()
                .map(y -> of(year, percentOver(y.costIndex()), percentOver(y.productionIndex())));
    }

    /**
     * The year before: the split's own levels for it where it has them, else the report year's levels less the changes
     * in percentage points that the statement gives ("0,21 prosent lavere …, en nedgang med 3,3 prosentpoeng fra 2023":
     * 2023's cost was 3,09 % over). A measure whose change the statement does not give stays unknown; no other year
     * of the split is ever used.
     */
    public static Optional<Levels> before(List<EfficiencyYear> split, int year) {
        Optional<Levels> own = in(split, year - 1);
        if (own.isPresent()) {
            return own;
        }
        return split.stream().filter(y -> y.year() == year).findFirst().flatMap(y -> {
            Double cost = less(percentOver(y.costIndex()), y.costChangePp());
            Double production = less(percentOver(y.productionIndex()), y.productionChangePp());
            return cost == null && production == null ? Optional.empty() : Optional.of(of(year - 1, cost, production));
        });
    }

    private static Levels of(int year, Double cost, Double production) {
        Double efficiency = cost == null || production == null ? null
                : rounded(((1 + production / 100.0) / (1 + cost / 100.0) - 1) * 100.0);
        return new Levels(year, cost, production, efficiency);
    }

    private static Double less(double level, Double changePp) {
        return changePp == null ? null : rounded(level - changePp);
    }

    /** A ratio to ASSS as percent over it, to six decimals: 1.095 → 9.5. */
    public static double percentOver(double ratioToAsss) {
        return rounded((ratioToAsss - 1.0) * 100.0);
    }

    private static double rounded(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

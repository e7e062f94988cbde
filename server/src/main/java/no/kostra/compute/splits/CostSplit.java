package no.kostra.compute.splits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.kostra.compute.NorwegianFormat;

/**
 * Shares of net or gross expenses per organisational unit within a KOSTRA function (the tables behind the pie charts
 * of 001). A unit's share = its expenses / the printed total ("Totalt") × 100, or / the sum of the units where no total
 * is stored. Printed pie percentages are set beside the computed shares: a printed share agrees when the computed
 * share rounds to it.
 */
public record CostSplit(String table, String function, List<Integer> years, List<UnitRow> units, List<Total> totals,
                        List<PrintedShare> printedShares) {
    public static final String TOTAL = "Totalt";

    public CostSplit {
        years = List.copyOf(years);
        units = List.copyOf(units);
        totals = List.copyOf(totals);
        printedShares = List.copyOf(printedShares);
    }

    public record UnitRow(String unit, List<YearShare> values) {
        public UnitRow {
            values = List.copyOf(values);
        }
    }

    /** @param sharePercent the unit's share of the year's total, in percent */
    public record YearShare(int year, double value, Double sharePercent) {
    }

    /** @param printed the stored "Totalt" row, or null; @param sumOfUnits the units added up */
    public record Total(int year, Double printed, double sumOfUnits) {
        double base() {
            return printed != null ? printed : sumOfUnits;
        }
    }

    /**
     * @param computedPercent the share computed from the table for that function, or null when the table does not cover
     *                        the pie (257 and 258 alone have only pies)
     * @param agrees          true when the computed share rounds to the printed whole percent; null when not comparable
     */
    public record PrintedShare(String function, int year, String unit, Double printedPercent, Double computedPercent,
                               Boolean agrees) {
    }

    /** A stored cost line. */
    public record Line(String function, String unit, int year, double value) {
    }

    /** A printed pie percentage (null where the print is ambiguous). */
    public record Printed(String function, int year, String unit, Double percent) {
    }

    public static CostSplit compute(String table, String function, List<Line> lines, List<Printed> printed) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, Double>> byUnit = new LinkedHashMap<>();
        Map<Integer, Double> printedTotal = new LinkedHashMap<>();
        for (Line line : lines) {
            if (!line.function().equals(function)) {
                continue;
            }
            years.add(line.year());
            if (line.unit().equals(TOTAL)) {
                printedTotal.put(line.year(), line.value());
            } else {
                byUnit.computeIfAbsent(line.unit(), u -> new LinkedHashMap<>()).put(line.year(), line.value());
            }
        }
        List<Total> totals = new ArrayList<>();
        Map<Integer, Total> totalByYear = new LinkedHashMap<>();
        for (int year : years) {
            double sum = byUnit.values().stream().mapToDouble(m -> m.getOrDefault(year, 0.0)).sum();
            Total total = new Total(year, printedTotal.get(year), sum);
            totals.add(total);
            totalByYear.put(year, total);
        }
        List<UnitRow> units = new ArrayList<>();
        byUnit.forEach((unit, values) -> {
            List<YearShare> shares = new ArrayList<>();
            values.forEach((year, value) -> {
                double base = totalByYear.get(year).base();
                shares.add(new YearShare(year, value, base == 0.0 ? null : value / base * 100.0));
            });
            units.add(new UnitRow(unit, shares));
        });
        List<PrintedShare> compared = new ArrayList<>();
        for (Printed p : printed) {
            Double computed = p.function().equals(function) ? share(units, p.unit(), p.year()) : null;
            Boolean agrees = computed == null || p.percent() == null ? null
                    : NorwegianFormat.round(computed, 0).doubleValue() == p.percent();
            compared.add(new PrintedShare(p.function(), p.year(), p.unit(), p.percent(), computed, agrees));
        }
        return new CostSplit(table, function, List.copyOf(years), units, totals, compared);
    }

    private static Double share(List<UnitRow> units, String unit, int year) {
        return units.stream().filter(u -> u.unit().equals(unit)).flatMap(u -> u.values().stream())
                .filter(v -> v.year() == year).map(YearShare::sharePercent).findFirst().orElse(null);
    }
}

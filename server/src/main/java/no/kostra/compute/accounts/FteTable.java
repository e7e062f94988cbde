package no.kostra.compute.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Full-time equivalents per service and year (004 "Tabell 3"), with the yearly change in percent and the sum. */
public record FteTable(String area, List<Integer> years, List<Row> services, List<Cell> sum) {
    public FteTable {
        years = List.copyOf(years);
        services = List.copyOf(services);
        sum = List.copyOf(sum);
    }

    public record Row(String service, List<Cell> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /** @param changePercent (value / last year's − 1) × 100, or null for the first year */
    public record Cell(int year, double value, Double changePercent) {
    }

    public record Entry(String service, int year, double value) {
    }

    public static FteTable compute(String area, List<Entry> entries) {
        Map<String, Map<Integer, Double>> byService = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Entry e : entries) {
            byService.computeIfAbsent(e.service(), s -> new LinkedHashMap<>()).put(e.year(), e.value());
            years.add(e.year());
        }
        List<Row> rows = new ArrayList<>();
        Map<Integer, Double> totals = new LinkedHashMap<>();
        byService.forEach((service, values) -> {
            rows.add(new Row(service, cells(years, values)));
            values.forEach((year, v) -> totals.merge(year, v, Double::sum));
        });
        return new FteTable(area, List.copyOf(years), rows, cells(years, totals));
    }

    private static List<Cell> cells(TreeSet<Integer> years, Map<Integer, Double> values) {
        List<Cell> out = new ArrayList<>();
        for (int year : years) {
            Double v = values.get(year);
            if (v != null) {
                Double before = values.get(year - 1);
                out.add(new Cell(year, v, before == null || before == 0.0 ? null : (v / before - 1.0) * 100.0));
            }
        }
        return out;
    }
}

package no.kostra.compute.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Long-term KPIs with a target direction (+1: higher is the goal, −1: lower is). The trend over the last three years
 * is the change from the value three years before the last one: told as a total and as an average per year.
 */
public record KpiTable(String area, List<Row> kpis) {
    public static final int TREND_YEARS = 3;

    public KpiTable {
        kpis = List.copyOf(kpis);
    }

    /**
     * @param changeOverThreeYears last value − the value {@value #TREND_YEARS} years before it, or null
     * @param trendPerYear         that change / {@value #TREND_YEARS}
     * @param onTarget             true when the change goes the target direction, false when against, null when flat
     *                             or unknown
     */
    public record Row(String kpi, int direction, String unit, Map<Integer, Double> values, Integer lastYear,
                      Double changeOverThreeYears, Double trendPerYear, Boolean onTarget) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
        }
    }

    public record Entry(String kpi, int direction, String unit, int year, double value) {
    }

    public static KpiTable compute(String area, List<Entry> entries) {
        Map<String, List<Entry>> byKpi = new LinkedHashMap<>();
        entries.forEach(e -> byKpi.computeIfAbsent(e.kpi(), k -> new ArrayList<>()).add(e));
        List<Row> rows = new ArrayList<>();
        byKpi.forEach((kpi, list) -> {
            TreeMap<Integer, Double> values = new TreeMap<>();
            list.forEach(e -> values.put(e.year(), e.value()));
            int direction = list.get(0).direction();
            Integer last = values.isEmpty() ? null : values.lastKey();
            Double base = last == null ? null : values.get(last - TREND_YEARS);
            Double change = base == null ? null : values.get(last) - base;
            Boolean onTarget = change == null || change == 0.0 ? null : Math.signum(change) == direction;
            rows.add(new Row(kpi, direction, list.get(0).unit(), values, last, change,
                    change == null ? null : change / TREND_YEARS, onTarget));
        });
        return new KpiTable(area, rows);
    }
}

package no.kostra.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.AnalysisSeeds;
import no.kostra.store.ReferenceRows;
import no.kostra.store.StoredRow;

/**
 * The ranges imported reference data must lie in. A figure outside them is far likelier a slip (a deflator of 99 %, a
 * need index typed as a percentage) than a fact, and it would skew every adjusted series and efficiency split without
 * a trace. An area's production weights must, with those already stored, sum to 1, or its efficiency cannot be computed.
 */
final class ReferenceRanges {
    /** The line a row came from in its file (the column the parser adds to every row). */
    private static final String LINE = "row_order";
    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /**
     * @param column    the stored column
     * @param csvColumn the column as the file names it
     * @param decimalShift how many places the file's figure is to the left of the stored one (a percentage is stored as a rate)
     */
    private record Range(String table, String column, String csvColumn, int decimalShift, BigDecimal min, BigDecimal max) {
        Range(String table, String column, String csvColumn, int decimalShift, String min, String max) {
            this(table, column, csvColumn, decimalShift, new BigDecimal(min), new BigDecimal(max));
        }

        String describe() {
            return "fra " + shown(min) + " til " + shown(max);
        }
    }

    /** Wide enough for any real figure; the README lists them. */
    private static final List<Range> RANGES = List.of(
            // a year's price and wage growth is a few percent
            new Range("deflator", "rate", "deflator_percent", 2, "-10", "20"),
            // 1 is the national average; a municipality's expense need is a fraction of it or a multiple, not 100
            new Range("expense_need", "need_index", "need_index", 0, "0.2", "5"),
            new Range("efficiency_component", "weight", "weight", 0, "0", "1"),
            // assigned hours per week for one municipality and profile
            new Range("home_care_hours", "hours", "hours", 0, "0", "1000000"),
            // Kommunebarometeret grades run from 1 to 6
            new Range("kommunebarometer", "grade", "grade", 0, "1", "6"));

    private ReferenceRanges() {
    }

    /**
     * Refuses a file with a figure outside its range, naming line, column and range.
     *
     * @param storedComponents an area's stored efficiency components (role, indicator_id, weight)
     */
    static void check(String file, ReferenceRows rows, Function<String, List<StoredRow>> storedComponents) {
        for (Range range : RANGES) {
            if (range.table().equals(rows.table())) {
                checkRange(file, rows, range);
            }
        }
        if (rows.table().equals("efficiency_component")) {
            checkProductionWeights(file, rows, storedComponents);
        }
    }

    private static void checkRange(String file, ReferenceRows rows, Range range) {
        int column = rows.columns().indexOf(range.column());
        for (List<Object> row : rows.rows()) {
            if (row.get(column) == null) {
                continue;
            }
            BigDecimal value = BigDecimal.valueOf(((Number) row.get(column)).doubleValue()).movePointRight(range.decimalShift());
            if (value.compareTo(range.min()) < 0 || value.compareTo(range.max()) > 0) {
                throw refuse(file, row, rows, range.csvColumn(), shown(value) + " er utenfor det tillatte området, " + range.describe(),
                        Map.of("min", range.min(), "max", range.max()));
            }
        }
    }

    private static void checkProductionWeights(String file, ReferenceRows rows, Function<String, List<StoredRow>> storedComponents) {
        int area = rows.columns().indexOf("area");
        int role = rows.columns().indexOf("role");
        int indicator = rows.columns().indexOf("indicator_id");
        int weight = rows.columns().indexOf("weight");
        int firstYear = rows.columns().indexOf("first_year");
        // Weights sum to 1 within one set of weights: an area's production indicators from one first year on.
        Map<List<Object>, List<List<Object>>> production = new LinkedHashMap<>();
        for (List<Object> row : rows.rows()) {
            if ("production".equals(row.get(role))) {
                if (row.get(weight) == null) {
                    throw refuse(file, row, rows, "weight", "en produksjonsindikator må ha en vekt fra 0 til 1", Map.of());
                }
                production.computeIfAbsent(List.of(row.get(area), row.get(firstYear)), a -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<List<Object>, List<List<Object>>> entry : production.entrySet()) {
            String areaCode = (String) entry.getKey().get(0);
            int from = (Integer) entry.getKey().get(1);
            Set<String> inFile = rows.rows().stream().filter(r -> entry.getKey().equals(List.of(r.get(area), r.get(firstYear))))
                    .map(r -> (String) r.get(indicator)).collect(Collectors.toSet());
            List<String> parts = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (List<Object> row : entry.getValue()) {
                BigDecimal w = BigDecimal.valueOf((Double) row.get(weight));
                sum = sum.add(w);
                parts.add("linje " + row.get(rows.columns().indexOf(LINE)) + ", kolonne weight: " + row.get(indicator) + " " + shown(w));
            }
            List<String> kept = new ArrayList<>();
            for (StoredRow stored : storedComponents.apply(areaCode)) {
                Double w = stored.number("weight");
                if ("production".equals(stored.text("role")) && stored.integer("first_year") == from
                        && !inFile.contains(stored.text("indicator_id")) && w != null) {
                    sum = sum.add(BigDecimal.valueOf(w));
                    kept.add(stored.text("indicator_id") + " " + shown(BigDecimal.valueOf(w)));
                }
            }
            if (sum.subtract(BigDecimal.ONE).abs().doubleValue() > WEIGHT_SUM_TOLERANCE) {
                throw new InvalidInputException("Ugyldig fil: " + file + ": produksjonsvektene for " + areaCode
                        + (from == AnalysisSeeds.FIRST_YEAR ? "" : " fra " + from)
                        + " må summere til 1, men summerer til " + shown(sum) + " (" + String.join("; ", parts)
                        + (kept.isEmpty() ? "" : "; lagret fra før: " + String.join("; ", kept))
                        + "); gi en indikator som skal ut vekten 0",
                        Map.of("file", file, "column", "weight", "area", areaCode, "firstYear", from, "sum", sum));
            }
        }
    }

    private static InvalidInputException refuse(String file, List<Object> row, ReferenceRows rows, String column, String problem,
                                                Map<String, Object> detail) {
        Object line = row.get(rows.columns().indexOf(LINE));
        Map<String, Object> details = new LinkedHashMap<>(detail);
        details.put("file", file);
        details.put("line", line);
        details.put("column", column);
        return new InvalidInputException("Ugyldig fil: " + file + " linje " + line + ", kolonne " + column + ": " + problem, details);
    }

    /** A figure as a Norwegian reads it: decimal comma, no needless zeros. */
    private static String shown(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}

package no.kostra.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rows for one of the analysis tables (deflator, expense_need, efficiency_statement, cost_distribution, …), already
 * validated. Values are String, Integer, Double or null, in the order of {@code columns}.
 *
 * @param key the columns that identify a row: an import replaces the stored row with the same key
 */
public record ReferenceRows(String table, List<String> columns, List<String> key, List<List<Object>> rows) {
    /** The tables that may be written; table and column names are never taken from input. */
    static final Set<String> TABLES = Set.of("deflator", "expense_need", "efficiency_statement", "efficiency_component",
            "cost_distribution", "cost_share", "home_care_hours", "stated_figure", "accounts_line", "accounts_fte",
            "accounts_printed_check", "kpi", "kommunebarometer");

    public ReferenceRows {
        Objects.requireNonNull(table, "table");
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not an analysis table: " + table);
        }
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(table + ": a row has " + row.size() + " values for " + columns.size() + " columns");
            }
        }
    }
}

package no.kostra.store;

import java.math.BigDecimal;
import java.util.Map;

/** One row read from an analysis table, by column name (lower case). Immutable. */
public record StoredRow(Map<String, Object> values) {
    public StoredRow {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public String text(String column) {
        Object v = require(column);
        return v == null ? null : v.toString();
    }

    /** The number, or null when the cell is empty. */
    public Double number(String column) {
        Object v = require(column);
        return v == null ? null : v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    }

    public int integer(String column) {
        Object v = require(column);
        if (v == null) {
            throw new IllegalStateException("Column " + column + " is empty");
        }
        return ((Number) v).intValue();
    }

    /** Whether a span of years given by {@code first_year} and {@code last_year} (null: open) holds {@code year}. */
    public boolean holdsFor(int year) {
        Object last = require("last_year");
        return integer("first_year") <= year && (last == null || ((Number) last).intValue() >= year);
    }

    private Object require(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("No column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }
}

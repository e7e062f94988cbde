package no.kostra.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where in StatBank an indicator's figures come from: one series of one table. An indicator has either a {@code value}
 * series (SSB publishes the indicator itself) or a {@code numerator} and a {@code denominator} (the indicator is their
 * ratio, and a weighted ASSS mean is Σ numerators / Σ denominators over the members); it may have all three.
 *
 * @param filters  the categories of the table's other dimensions, in the order written; several codes in one
 *                 dimension are summed (KOKfunksjon0000=232+233+241), {@code *} sums every category of it
 * @param factor   each figure read is multiplied by it (1000 for amounts in 1000 kr, 10 000 for "per 10 000")
 * @param verified whether the table, contents code and categories were read in SSB's own metadata or documentation
 * @param evidence where they were read (or, when unverified, the best evidence found)
 */
public record IndicatorSource(String indicator, Role role, String table, String contents, Map<String, List<String>> filters,
                              double factor, boolean verified, String evidence) {
    /** All categories of a filtered dimension, summed. */
    public static final String ALL = "*";

    public enum Role {
        VALUE, NUMERATOR, DENOMINATOR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IndicatorSource {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(contents, "contents");
        filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
        filters.values().forEach(codes -> {
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("A filter names at least one category");
            }
        });
        evidence = evidence == null ? "" : evidence;
    }

    /** The key the catalogue stores it under: one series per indicator and role. */
    public String key() {
        return indicator + "|" + role.code();
    }

    /** The filters as written in indicator_sources.csv: {@code DIM=CODE[+CODE…];DIM=CODE}. */
    public String filtersText() {
        StringBuilder s = new StringBuilder();
        filters.forEach((dimension, codes) -> s.append(s.isEmpty() ? "" : ";").append(dimension).append('=')
                .append(String.join("+", codes)));
        return s.toString();
    }
}

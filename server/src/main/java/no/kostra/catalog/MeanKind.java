package no.kostra.catalog;

import java.util.Locale;

/**
 * How a group mean is formed. WEIGHTED: Σ numerators / Σ denominators (each member weighted by its population or
 * users). FLAT: the arithmetic mean of the members' values; the reports mark such indicators with {@code *}.
 */
public enum MeanKind {
    WEIGHTED, FLAT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeanKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

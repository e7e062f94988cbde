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
        for (MeanKind kind : values()) {
            if (kind.code().equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("ukjent mean_kind '" + code + "', skal være weighted eller flat");
    }

    /** A name as the reports print it: an indicator with a flat mean carries a trailing {@code *}. */
    public String mark(String name) {
        return this == FLAT ? name + "*" : name;
    }
}

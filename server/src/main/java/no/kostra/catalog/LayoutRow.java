package no.kostra.catalog;

import java.util.Objects;

/**
 * An indicator as a row of a profile in one year: the category, place, mean kind and (where it differs from the
 * indicator's) printed name that year's layout gives it.
 */
public record LayoutRow(Indicator indicator, String category, int sort, MeanKind meanKind, String printedName) {
    public LayoutRow(Indicator indicator, String category, int sort, MeanKind meanKind) {
        this(indicator, category, sort, meanKind, null);
    }

    public LayoutRow {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(meanKind, "meanKind");
    }

    /** The name as that year's report prints it: a flat mean carries a trailing {@code *}. */
    public String displayName() {
        return meanKind.mark(printedName == null ? indicator.name() : printedName);
    }
}

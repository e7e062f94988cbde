package no.kostra.catalog;

import java.util.Objects;

/** An indicator as a row of a profile in one year: the category, place and mean kind that year's layout gives it. */
public record LayoutRow(Indicator indicator, String category, int sort, MeanKind meanKind) {
    public LayoutRow {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(meanKind, "meanKind");
    }

    /** The name as that year's report prints it: a flat mean carries a trailing {@code *}. */
    public String displayName() {
        return meanKind.mark(indicator.name());
    }
}

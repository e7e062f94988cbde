package no.kostra.catalog;

import java.util.Objects;

/**
 * A catalogue entry.
 *
 * @param profile  the service profile the indicator is a row of, or null for a series-only indicator
 * @param category the profile's row group (Prioritering, Dekningsgrader, …), or null outside a profile
 * @param name     the name as printed, without the {@code *} that marks a flat mean (see {@link #displayName()})
 * @param weightIndicator the indicator whose member values weigh a weighted mean (the denominator: population of
 *                        the target group, number of users), or null when none is stored
 */
public record Indicator(String id, String area, String profile, String category, int sortOrder, String name,
                        Unit unit, int decimals, MeanKind meanKind, boolean higherIsMore, String source,
                        String weightIndicator) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(meanKind, "meanKind");
        Objects.requireNonNull(source, "source");
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("Indicator " + id + ": decimals must be 0..6, was " + decimals);
        }
    }

    /** The name as the reports print it: flat-mean indicators carry a trailing {@code *}. */
    public String displayName() {
        return meanKind == MeanKind.FLAT ? name + "*" : name;
    }
}

package no.kostra.catalog;

import java.util.Objects;

/**
 * A catalogue entry. Which profiles it is a row of, where, and how its ASSS mean is formed in a given year are the
 * business of the profile layouts ({@link ProfileLayouts}); see {@link Catalog#meanKind(Indicator, int)}.
 *
 * @param sortOrder the indicator's place among its area's indicators (listings, the series charts of a report); a
 *                 profile row's place is its own ({@link ProfileEntry#sort()})
 * @param name     the name as printed, without the {@code *} that marks a flat mean
 * @param meanKind how the ASSS mean is formed in a year when no profile row of that year says otherwise (series
 *                 indicators, indicators outside every profile)
 * @param weightIndicator the indicator whose member values weigh a weighted mean (the denominator: population of
 *                        the target group, number of users), or null when none is stored
 * @param shortName a name that reads as prose inside a sentence ("legeårsverk per 10 000 innbyggere"), or null when
 *                  the printed name already does
 */
public record Indicator(String id, String area, int sortOrder, String name, Unit unit, int decimals, MeanKind meanKind,
                        boolean higherIsMore, String source, String weightIndicator, String shortName) {
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
        shortName = shortName == null || shortName.isBlank() ? null : shortName.strip();
    }

    /** An entry without a short name. */
    public Indicator(String id, String area, int sortOrder, String name, Unit unit, int decimals, MeanKind meanKind,
                     boolean higherIsMore, String source, String weightIndicator) {
        this(id, area, sortOrder, name, unit, decimals, meanKind, higherIsMore, source, weightIndicator, null);
    }
}

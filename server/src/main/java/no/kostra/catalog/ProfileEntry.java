package no.kostra.catalog;

import java.util.Objects;

/**
 * One line of {@code profile_rows.csv}: the indicator is row {@code sort} of the profile, in {@code category}, with
 * an ASSS mean of {@code meanKind}, from {@code firstYear} to {@code lastYear}, or until a later layout of the
 * profile starts when {@code lastYear} is null (see {@link ProfileLayouts} for the rule). Keyed by profile, first
 * year and indicator. {@code name} is the name the layout prints, where it differs from the indicator's own (KS renamed
 * rows without changing what they measure), else null.
 */
public record ProfileEntry(String profile, int firstYear, Integer lastYear, int sort, String category, String indicator,
                           MeanKind meanKind, String name) {
    public ProfileEntry {
        name = name == null || name.isBlank() ? null : name.strip();
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(meanKind, "meanKind");
        if (lastYear != null && lastYear < firstYear) {
            throw new IllegalArgumentException("last_year (" + lastYear + ") er før first_year (" + firstYear + ")");
        }
    }

    public ProfileEntry(String profile, int firstYear, Integer lastYear, int sort, String category, String indicator,
                        MeanKind meanKind) {
        this(profile, firstYear, lastYear, sort, category, indicator, meanKind, null);
    }

    /** The key the catalogue import adds or replaces by. */
    public String key() {
        return profile + "|" + firstYear + "|" + indicator;
    }
}

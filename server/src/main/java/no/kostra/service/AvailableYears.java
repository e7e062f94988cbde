package no.kostra.service;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;

/**
 * The years there is something to show for: what the task pane offers in its year list (newest first chosen).
 *
 * @param region      the municipality asked about, or empty for every region
 * @param profile     the profile asked about, or empty for any figure
 * @param withFigures years with a stored figure (a value or a status) of the profile's indicators (any layout's), or
 *                    of any indicator without a profile
 * @param withProfile of those, the years the profile can be shown for (its figures and a layout for the year: what
 *                    {@code /api/profile} answers 200 for); empty without a profile
 */
public record AvailableYears(Optional<Region> region, Optional<ProfileDefinition> profile, SortedSet<Integer> withFigures,
                             Optional<SortedSet<Integer>> withProfile) {
    public AvailableYears {
        withFigures = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(withFigures));
        withProfile = withProfile.map(y -> java.util.Collections.unmodifiableSortedSet(new TreeSet<>(y)));
        if (withProfile.isPresent() != profile.isPresent()) {
            throw new IllegalArgumentException("Years with a profile are given exactly when a profile is asked about");
        }
    }

    /** The year to propose: the newest the profile can be shown for, else the newest with a figure. */
    public Optional<Integer> newest() {
        SortedSet<Integer> years = withProfile.orElse(withFigures);
        return years.isEmpty() ? Optional.empty() : Optional.of(years.last());
    }
}

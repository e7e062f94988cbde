package no.kostra.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rows a profile has in a year. The rule: every distinct {@code first_year} among a profile's entries starts a
 * <em>layout</em> of that profile. The layout for year Y is the one with the greatest start ≤ Y; its rows for Y are
 * its entries whose {@code last_year} is empty or ≥ Y. So an open-ended entry lasts until the profile's next layout
 * starts (it stops the year before), an explicit {@code last_year} can only end it earlier, and entries of different
 * layouts never mix. The layouts depend only on the set of entries, never on the order they were imported in, and
 * entries of a later start never change a year before it. Immutable.
 */
public final class ProfileLayouts {
    private final List<ProfileEntry> entries;
    private final Map<String, NavigableMap<Integer, List<ProfileEntry>>> byProfile = new HashMap<>();
    private final Set<String> indicators = new LinkedHashSet<>();

    public ProfileLayouts(List<ProfileEntry> entries) {
        this.entries = List.copyOf(entries);
        for (ProfileEntry e : this.entries) {
            byProfile.computeIfAbsent(e.profile(), p -> new TreeMap<>())
                    .computeIfAbsent(e.firstYear(), y -> new ArrayList<>()).add(e);
            indicators.add(e.indicator());
        }
        byProfile.values().forEach(starts -> starts.replaceAll((year, list) ->
                list.stream().sorted(Comparator.comparingInt(ProfileEntry::sort)).toList()));
    }

    public List<ProfileEntry> entries() {
        return entries;
    }

    /** The profile's entries that are its rows in the year, in printed order; empty before its first layout. */
    public List<ProfileEntry> rows(String profile, int year) {
        NavigableMap<Integer, List<ProfileEntry>> starts = byProfile.get(profile);
        Map.Entry<Integer, List<ProfileEntry>> layout = starts == null ? null : starts.floorEntry(year);
        if (layout == null) {
            return List.of();
        }
        return layout.getValue().stream().filter(e -> e.lastYear() == null || e.lastYear() >= year).toList();
    }

    /** The years a layout of the profile starts in, oldest first. */
    public SortedSet<Integer> starts(String profile) {
        NavigableMap<Integer, List<ProfileEntry>> starts = byProfile.get(profile);
        return starts == null ? new TreeSet<>() : new TreeSet<>(starts.keySet());
    }

    /** The newest start of any layout of the profile, if it has one. */
    public Optional<Integer> newestStart(String profile) {
        SortedSet<Integer> starts = starts(profile);
        return starts.isEmpty() ? Optional.empty() : Optional.of(starts.last());
    }

    /** The mean kind the year's layouts give the indicator, when it is a row of any profile that year. */
    public Optional<MeanKind> meanKind(String indicator, int year) {
        for (String profile : byProfile.keySet()) {
            for (ProfileEntry e : rows(profile, year)) {
                if (e.indicator().equals(indicator)) {
                    return Optional.of(e.meanKind());
                }
            }
        }
        return Optional.empty();
    }

    /** The name the year's layouts print for the indicator, where one gives it a name of its own. */
    public Optional<String> printedName(String indicator, int year) {
        for (String profile : byProfile.keySet()) {
            for (ProfileEntry e : rows(profile, year)) {
                if (e.indicator().equals(indicator) && e.name() != null) {
                    return Optional.of(e.name());
                }
            }
        }
        return Optional.empty();
    }

    /** Every indicator that is a row of some profile in some year. */
    public Set<String> indicatorsInAnyLayout() {
        return java.util.Collections.unmodifiableSet(indicators);
    }

    /**
     * What makes the layouts ambiguous, none when they are sound: two rows of one layout at the same place, or an
     * indicator whose ASSS mean is flat in one profile and weighted in another in the same year (KS forms one mean
     * per indicator and year, and the comparison routes, which name no profile, must know which).
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        byProfile.forEach((profile, starts) -> starts.forEach((start, layout) -> {
            Map<Integer, ProfileEntry> bySort = new HashMap<>();
            for (ProfileEntry e : layout) {
                ProfileEntry other = bySort.putIfAbsent(e.sort(), e);
                if (other != null) {
                    problems.add(new Problem(e, other, "sort", "plass " + e.sort() + " i " + profile + " fra " + start
                            + " er allerede tatt av " + other.indicator()));
                }
            }
        }));
        Set<Integer> years = new TreeSet<>();
        entries.forEach(e -> {
            years.add(e.firstYear());
            if (e.lastYear() != null) {
                years.add(e.lastYear() + 1);
            }
        });
        Set<String> reported = new java.util.HashSet<>();
        for (int year : years) {
            Map<String, ProfileEntry> byIndicator = new HashMap<>();
            for (String profile : new TreeSet<>(byProfile.keySet())) {
                for (ProfileEntry e : rows(profile, year)) {
                    ProfileEntry other = byIndicator.putIfAbsent(e.indicator(), e);
                    if (other != null && other.meanKind() != e.meanKind() && reported.add(e.indicator() + "|" + year)) {
                        problems.add(new Problem(e, other, "mean_kind", e.indicator() + " har mean_kind " + e.meanKind().code()
                                + " i " + e.profile() + " men " + other.meanKind().code() + " i " + other.profile() + " i " + year
                                + "; ASSS-snittet for en indikator et år er enten vektet eller flatt"));
                    }
                }
            }
        }
        return problems;
    }

    /** A problem with an entry (and the entry it clashes with, if any), in one of its columns. */
    public record Problem(ProfileEntry entry, ProfileEntry other, String column, String message) {
    }
}

package no.kostra.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.kostra.errors.NotFoundException;

/**
 * An immutable snapshot of the catalogue. {@code find…} methods return empty when absent; {@code require…} methods
 * throw a {@link NotFoundException} that names what was asked and what exists. Thread-safe.
 */
public final class Catalog {
    private final Map<String, Region> regions;
    private final CodeHistory history;
    private final List<GroupMembership> memberships;
    private final Map<String, ProfileDefinition> profiles;
    private final Map<String, Indicator> indicators;
    private final ProfileLayouts layouts;
    private final RegionNames names;

    public Catalog(List<Region> regions, List<CodeChange> codeChanges, List<GroupMembership> memberships,
                   List<ProfileDefinition> profiles, List<Indicator> indicators, List<ProfileEntry> profileEntries) {
        this.regions = index(regions, Region::code);
        index(codeChanges, CodeChange::key);
        this.memberships = List.copyOf(memberships);
        this.profiles = index(profiles.stream().sorted(Comparator.comparingInt(ProfileDefinition::sortOrder)).toList(),
                ProfileDefinition::code);
        this.indicators = index(indicators, Indicator::id);
        index(profileEntries, ProfileEntry::key);
        this.layouts = new ProfileLayouts(profileEntries);
        this.history = new CodeHistory(this.regions.keySet(), codeChanges,
                regions.stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a)));
        this.names = new RegionNames(regions);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalArgumentException("Duplicate catalogue key " + key.apply(item));
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    public List<CodeChange> codeChanges() {
        return history.changes();
    }

    public List<GroupMembership> memberships() {
        return memberships;
    }

    public List<ProfileDefinition> profiles() {
        return List.copyOf(profiles.values());
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    /** Every entry of {@code profile_rows.csv}, as stored. */
    public List<ProfileEntry> profileEntries() {
        return layouts.entries();
    }

    public ProfileLayouts layouts() {
        return layouts;
    }

    /**
     * The region a code names today, following renumberings and merges: 3024, 0219 and StatBank's aggregated
     * {@code K-3024} all find Bærum (3201); 0227 (Fet) finds Lillestrøm, which it became part of. A divided
     * municipality's code (1507) finds none: see {@link #endedSeries}.
     */
    public Optional<Region> findRegion(String code) {
        return history.currentOf(RegionCodes.plain(code)).map(regions::get);
    }

    /**
     * Why figures under a code belong to no region's series, in bokmål, or empty when they do: the code of a part of
     * a merge (its figures cover only part of today's municipality) or of a divided municipality.
     */
    public Optional<String> endedSeries(String code) {
        return history.endedSeries(RegionCodes.plain(code));
    }

    /**
     * The region a person means: any number it has had (a three-digit number gets its leading zero: 219 is 0219), or
     * its name as typed («bærum», «Baerum», «Våler (Østfold)»; see {@link RegionNames}). Every route and command that
     * takes a region asks here; data files name regions by code only ({@link #findRegion}).
     *
     * @throws NotFoundException     when nothing fits, naming the nearest names
     * @throws no.kostra.errors.InvalidInputException when a name fits several regions, naming them with their numbers
     */
    public Region requireRegion(String asked) {
        String text = asked == null ? "" : asked.trim();
        String padded = text.matches("\\d{1,3}") ? "0".repeat(4 - text.length()) + text : text;
        return findRegion(padded).orElseGet(() -> names.require(text));
    }

    /** The municipality a code names today (following renumberings), or empty for an unknown code or a group. */
    public Optional<Region> findMunicipality(String code) {
        return findRegion(code).filter(r -> r.kind() == RegionKind.MUNICIPALITY);
    }

    public Region requireMunicipality(String code) {
        return findMunicipality(code).orElseThrow(() -> new NotFoundException("Fant ikke kommune " + code
                + "; bruk et kommunenummer, som 3201 for Bærum", Map.of("asked", String.valueOf(code))));
    }

    /** Every code the region's series was reported under, its current code first (not the parts of a merge). */
    public List<String> codesOf(String canonicalCode) {
        return history.seriesCodes(canonicalCode);
    }

    /**
     * The code a region reported under in a given year: Bærum is 3024 in 2023 and 3201 in 2024. Before a merge, the
     * merged municipality's own code (SSB back-fills it over the parts): Lillestrøm is 3030 in 2019.
     */
    public String codeInYear(String canonicalCode, int year) {
        return history.codeInYear(canonicalCode, year);
    }

    public List<String> membersOf(String group, int year) {
        return memberships.stream()
                .filter(m -> m.group().equals(group) && m.covers(year))
                .map(GroupMembership::member)
                .distinct()
                .toList();
    }

    public Optional<ProfileDefinition> findProfile(String code) {
        return Optional.ofNullable(code == null ? null : profiles.get(code.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public ProfileDefinition requireProfile(String code) {
        return findProfile(code).orElseThrow(() -> new NotFoundException(
                "Fant ikke tjenesteområde " + code, Map.of("asked", String.valueOf(code), "known", List.copyOf(profiles.keySet()))));
    }

    /** The profile's rows in the year, in printed order (see {@link ProfileLayouts} for the rule); empty without a layout. */
    public List<LayoutRow> profileRows(String profileCode, int year) {
        return layouts.rows(profileCode, year).stream()
                .map(e -> new LayoutRow(requireIndicator(e.indicator()), e.category(), e.sort(), e.meanKind(), e.name()))
                .toList();
    }

    /** The newest year any profile's layout starts in: the year the catalogue routes show when none is asked for. */
    public Optional<Integer> newestLayoutYear() {
        return profiles.keySet().stream().map(layouts::newestStart).flatMap(Optional::stream).max(Integer::compare);
    }

    /** How the indicator's ASSS mean is formed in the year: as that year's profile rows say, else its own kind. */
    public MeanKind meanKind(Indicator indicator, int year) {
        return layouts.meanKind(indicator.id(), year).orElse(indicator.meanKind());
    }

    /**
     * The name as the year's reports print it: the layout's name for the row where it gives one (a renamed row),
     * with {@code *} when the year's ASSS mean is flat.
     */
    public String displayName(Indicator indicator, int year) {
        return meanKind(indicator, year).mark(layouts.printedName(indicator.id(), year).orElse(indicator.name()));
    }

    /** The profiles the indicator is a row of in the year, in profile order. */
    public List<String> profilesOf(String indicatorId, int year) {
        return profiles.keySet().stream()
                .filter(p -> layouts.rows(p, year).stream().anyMatch(e -> e.indicator().equals(indicatorId)))
                .toList();
    }

    /** True when the indicator is a row of some profile in some year (series indicators are not). */
    public boolean isProfileIndicator(String indicatorId) {
        return layouts.indicatorsInAnyLayout().contains(indicatorId);
    }

    /** The area's indicators in their order ({@link Indicator#sortOrder()}, then id). */
    public List<Indicator> indicatorsOfArea(String area) {
        return indicators.values().stream().filter(i -> area.equals(i.area()))
                .sorted(Comparator.comparingInt(Indicator::sortOrder).thenComparing(Indicator::id)).toList();
    }

    public Set<String> areas() {
        return indicators.values().stream().map(Indicator::area).collect(Collectors.toCollection(TreeSet::new));
    }

    public Optional<Indicator> findIndicator(String id) {
        return Optional.ofNullable(id == null ? null : indicators.get(id.trim()));
    }

    public Indicator requireIndicator(String id) {
        return findIndicator(id).orElseThrow(() -> new NotFoundException(
                "Fant ikke indikator " + id, Map.of("asked", String.valueOf(id))));
    }
}

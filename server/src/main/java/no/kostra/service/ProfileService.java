package no.kostra.service;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.compute.ProfileCalculator;
import no.kostra.compute.ProfileInputs;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.asss.GroupFigures;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.asss.MemberValue;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Statistic;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.CommentRepository;
import no.kostra.store.FigureRepository;
import no.kostra.text.NorwegianList;

/** Reads what a service profile needs and hands it to {@link ProfileCalculator}. */
public final class ProfileService {
    static final String ASSS = "ASSS";
    /** Asker, the neighbour every report compares Bærum with. */
    static final String NEIGHBOUR = "3203";

    private final CatalogService catalogs;
    private final FigureRepository figures;
    private final CommentRepository comments;
    private final MemberFigures members;
    private final AnalysisRepository analysis;

    public ProfileService(CatalogService catalogs, FigureRepository figures, CommentRepository comments,
                          AnalysisRepository analysis) {
        this.catalogs = catalogs;
        this.figures = figures;
        this.comments = comments;
        this.members = new MemberFigures(analysis);
        this.analysis = analysis;
    }

    /**
     * The ASSS mean, highest and lowest of each row for the report year: KS's published figures where they are stored,
     * else formed from that year's members as the year's layout says (weighted Σ value × weight / Σ weight, or flat) —
     * in March, before KS publishes, that is all there is. Rows whose figures were formed here are added to
     * {@code computed}; a year in which a member has no stored figure gets none.
     */
    private Map<String, Map<Statistic, Figure>> asss(Catalog catalog, List<LayoutRow> rows, int year, Set<String> computed) {
        Map<String, Map<Statistic, Figure>> out = new HashMap<>(
                figures.groupFigures(rows.stream().map(r -> r.indicator().id()).toList(), ASSS, year));
        for (LayoutRow row : rows) {
            String id = row.indicator().id();
            if (out.getOrDefault(id, Map.of()).containsKey(Statistic.MEAN)) {
                continue;
            }
            List<MemberValue> values = members.members(catalog, row.indicator(), ASSS, year, year).get(year);
            GroupFigures formed = values == null ? null : GroupMeans.compute(row.meanKind(), values);
            if (formed == null || (formed.mean() == null && formed.high() == null)) {
                continue;
            }
            Map<Statistic, Figure> statistics = new EnumMap<>(Statistic.class);
            // A weighted mean whose weights are not stored is not formed; the highest and lowest need none.
            if (formed.mean() != null) {
                statistics.put(Statistic.MEAN, Figure.of(formed.mean()));
            }
            if (formed.high() != null) {
                statistics.put(Statistic.HIGH, Figure.of(formed.high().value()));
                statistics.put(Statistic.LOW, Figure.of(formed.low().value()));
            }
            out.put(id, statistics);
            computed.add(id);
        }
        return out;
    }

    /**
     * Which of the profile's figures are preliminary: the municipality's own, KS's published ASSS figures, and an ASSS
     * figure formed here when any member's figure it is formed from is.
     */
    private Preliminary preliminary(Catalog catalog, Region region, List<String> ids, Set<String> computed, int first, int year) {
        Preliminary own = analysis.preliminary(ids, List.of(region.code()), first, year)
                .with(analysis.preliminaryStatistics(ids, List.of(ASSS), year, year).keys());
        Preliminary members = analysis.preliminary(computed, catalog.membersOf(ASSS, year), year, year);
        List<String> formed = new java.util.ArrayList<>();
        for (String id : computed) {
            if (members.keys().stream().anyMatch(k -> k.startsWith(id + "|"))) {
                for (Statistic statistic : Statistic.values()) {
                    formed.add(Preliminary.statistic(id, ASSS, year, statistic));
                }
            }
        }
        return own.with(formed);
    }

    /** The neighbour the reports compare with (Asker), unless the profile is Asker's own. */
    private Map<String, Map<String, Figure>> neighbours(Catalog catalog, Region region,
                                                                               List<String> ids, int year) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        catalog.findRegion(NEIGHBOUR).filter(n -> !n.code().equals(region.code())).ifPresent(n -> {
            Map<String, Figure> values = new HashMap<>();
            figures.municipalityFigures(ids, n.code(), year, year).forEach((id, byYear) -> {
                if (byYear.containsKey(year)) {
                    values.put(id, byYear.get(year));
                }
            });
            out.put(n.name(), values);
        });
        return out;
    }

    /**
     * The years there is something to show for (see {@link AvailableYears}): of a municipality's profile, of a region,
     * or of the whole store when both are null. A profile needs a municipality.
     */
    public AvailableYears years(String regionAsked, String profileAsked) {
        Catalog catalog = catalogs.current();
        if (regionAsked == null) {
            if (profileAsked != null) {
                throw new InvalidInputException("Parameteren 'region' mangler: årene for et tjenesteområde gjelder én kommune",
                        Map.of("parameter", "region"));
            }
            return new AvailableYears(Optional.empty(), Optional.empty(), figures.yearsWithData(null), Optional.empty());
        }
        if (profileAsked == null) {
            Region region = catalog.requireRegion(regionAsked);
            return new AvailableYears(Optional.of(region), Optional.empty(), figures.yearsWithData(region.code()), Optional.empty());
        }
        Region region = ComparisonService.municipality(catalog, regionAsked);
        ProfileDefinition profile = catalog.requireProfile(profileAsked);
        SortedSet<Integer> withFigures = figures.yearsWithData(indicatorsOf(catalog, profile, List.of()), region.code());
        // As profile() decides: the year's layout has rows, and one of them has a figure that year.
        Map<List<String>, SortedSet<Integer>> yearsOfLayout = new HashMap<>();
        SortedSet<Integer> withProfile = new TreeSet<>();
        for (int year : withFigures) {
            List<LayoutRow> rows = catalog.profileRows(profile.code(), year);
            if (!rows.isEmpty() && yearsOfLayout.computeIfAbsent(indicatorsOf(catalog, profile, rows),
                    ids -> figures.yearsWithData(ids, region.code())).contains(year)) {
                withProfile.add(year);
            }
        }
        return new AvailableYears(Optional.of(region), Optional.of(profile), withFigures, Optional.of(withProfile));
    }

    /** The year's rows' indicators; without a layout for the year, those of any of the profile's layouts. */
    private static List<String> indicatorsOf(Catalog catalog, ProfileDefinition profile, List<LayoutRow> rows) {
        return rows.isEmpty()
                ? catalog.profileEntries().stream().filter(e -> e.profile().equals(profile.code())).map(ProfileEntry::indicator)
                        .distinct().toList()
                : rows.stream().map(r -> r.indicator().id()).toList();
    }

    public ProfileTable profile(String regionCode, String profileCode, int year) {
        Catalog catalog = catalogs.current();
        Region region = ComparisonService.municipality(catalog, regionCode);
        ProfileDefinition profile = catalog.requireProfile(profileCode);
        List<LayoutRow> rows = catalog.profileRows(profile.code(), year);
        List<String> ids = indicatorsOf(catalog, profile, rows);

        SortedSet<Integer> years = figures.yearsWithData(ids, region.code());
        if (!years.contains(year)) {
            String others = years.isEmpty() ? "Det finnes ingen tall for andre år heller."
                    : "Det finnes tall for " + NorwegianList.years(years) + ".";
            throw new NotFoundException("Ingen tall i " + profile.title() + " for " + region.name() + " " + year + ". " + others,
                    Map.of("year", year, "yearsWithData", List.copyOf(years)));
        }
        if (rows.isEmpty()) {
            SortedSet<Integer> starts = catalog.layouts().starts(profile.code());
            throw new NotFoundException(profile.title() + " har ingen rader for " + year
                    + (starts.isEmpty() ? "; importer profile_rows.csv for profilen"
                            : "; profilens oppsett (profile_rows.csv) begynner i " + NorwegianList.years(starts)),
                    Map.of("year", year, "profile", profile.code(), "layoutsStart", List.copyOf(starts)));
        }
        Set<String> computed = new HashSet<>();
        Map<String, Map<Statistic, Figure>> asss = asss(catalog, rows, year, computed);
        int first = year - ProfileCalculator.YEARS_SHOWN + 1;
        ProfileInputs inputs = new ProfileInputs(figures.municipalityFigures(ids, region.code(), first, year),
                asss, computed, neighbours(catalog, region, ids, year), comments.current(region.code(), year),
                preliminary(catalog, region, ids, computed, first, year));
        return ProfileCalculator.compute(region, regionCode.trim(), profile, rows, year, inputs);
    }
}

package no.kostra.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.Discrepancy;
import no.kostra.compute.asss.GroupFigures;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.asss.MemberValue;
import no.kostra.compute.asss.ResourceUse;
import no.kostra.compute.narrative.ComparisonNarrative;
import no.kostra.compute.narrative.Wording;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.AnalysisRepository;

/** ASSS comparisons: a municipality against the ASSS mean, its rank, Asker and the KOSTRA groups; discrepancy lists. */
public final class ComparisonService {
    static final String ASSS = "ASSS";
    /** What the reports compare with besides ASSS, in the order they print it. */
    static final List<String> OTHERS = List.of("3203", "ASSS_UO", "KG12", "KG13", "EAKUO");

    private final CatalogService catalogs;
    private final AnalysisRepository repository;
    private final MemberFigures members;

    ComparisonService(CatalogService catalogs, AnalysisRepository repository) {
        this.catalogs = catalogs;
        this.repository = repository;
        this.members = new MemberFigures(repository);
    }

    public Comparison compare(String regionCode, String indicatorId, int year) {
        Catalog catalog = catalogs.current();
        Region region = municipality(catalog, regionCode);
        Indicator indicator = catalog.requireIndicator(indicatorId);
        Figure stored = repository.regionFigures(List.of(indicator.id()), List.of(region.code()), year, year)
                .getOrDefault(indicator.id(), Map.of()).getOrDefault(region.code(), Map.of()).get(year);
        Figure own = stored == null ? Figure.missing(Status.NOT_AVAILABLE) : stored;
        String ownVintage = vintage(indicator, region.code(), year, stored != null);
        List<MemberValue> memberValues = members.members(catalog, indicator, ASSS, year, year).getOrDefault(year, List.of());
        MeanKind meanKind = catalog.meanKind(indicator, year); // as the year's profile rows have it: KS changes it
        GroupFigures computed = memberValues.isEmpty() ? null : GroupMeans.compute(meanKind, memberValues);
        Map<Statistic, Figure> published = repository.groupStatistics(List.of(indicator.id()), List.of(ASSS), year, year)
                .getOrDefault(indicator.id(), Map.of()).getOrDefault(ASSS, Map.of()).getOrDefault(year, Map.of());
        Figure publishedMean = published.get(Statistic.MEAN);
        boolean usePublished = publishedMean != null && publishedMean.hasValue();
        Double mean = usePublished ? publishedMean.value() : computed == null ? null : computed.mean();
        String meanVintage = mean == null ? null : usePublished
                ? repository.preliminaryStatistics(List.of(indicator.id()), List.of(ASSS), year, year)
                        .vintage(Preliminary.statistic(indicator.id(), ASSS, year, Statistic.MEAN), true)
                : formedVintage(indicator, memberValues, year);
        GroupMeans.Rank rank = GroupMeans.rank(region.code(), memberValues).orElse(null);
        List<Discrepancy> discrepancies = computed == null ? List.of()
                : Discrepancy.between(indicator.id(), indicator.decimals(), ASSS, year, computed, published);
        List<Comparison.Other> others = others(catalog, indicator, region, year, own.value());
        Double deviation = Comparison.deviation(own.value(), mean);
        List<String> narrative = ComparisonNarrative.sentences(region.name(), Wording.subject(indicator), year, own.value(), mean,
                indicator.unit(), rank, publishedExtreme(own, published), others, indicator.decimals());
        return new Comparison(indicator.id(), meanKind.mark(indicator.name()), indicator.unit().code(), indicator.decimals(),
                meanKind.code(), year, region.code(), region.name(), own.value(),
                own.status() == null ? null : own.status().symbol(), ownVintage, mean,
                mean == null ? null : usePublished ? "published" : "computed", meanVintage,
                deviation, computed, rank, others, discrepancies, narrative);
    }

    /** "høyest" or "lavest" when the municipality's value is the published highest or lowest ASSS figure. */
    private static String publishedExtreme(Figure own, Map<Statistic, Figure> published) {
        if (!own.hasValue()) {
            return null;
        }
        Figure high = published.get(Statistic.HIGH);
        Figure low = published.get(Statistic.LOW);
        if (high != null && high.hasValue() && high.value().equals(own.value())) {
            return "høyest";
        }
        return low != null && low.hasValue() && low.value().equals(own.value()) ? "lavest" : null;
    }

    /** Every published ASSS figure that differs from the one computed from member values, for one or all indicators. */
    public List<Discrepancy> discrepancies(String indicatorId, int from, int to) {
        return discrepancies(indicatorId, null, ASSS, from, to);
    }

    /**
     * As {@link #discrepancies(String, int, int)}, for the rows of a profile in those years when {@code profileCode} is
     * given, and for any group of the catalogue with members (ASSS, a KOSTRA group, a county): its mean formed from the
     * members (weighted or flat, as the year's layout has the indicator) beside the published figure (KS's for ASSS,
     * SSB's EKGnn for a KOSTRA group), every difference beyond rounding listed.
     */
    public List<Discrepancy> discrepancies(String indicatorId, String profileCode, String groupCode, int from, int to) {
        if (from > to) {
            throw new InvalidInputException("'from' (" + from + ") kan ikke være etter 'to' (" + to + ")", Map.of("from", from, "to", to));
        }
        Catalog catalog = catalogs.current();
        String group = catalog.requireRegion(groupCode).code();
        if (catalog.memberships().stream().noneMatch(m -> m.group().equals(group))) {
            throw new InvalidInputException("Gruppen " + group + " har ingen medlemmer i katalogen; importer group_members.csv"
                    + " (import --format catalog) for å danne snittet av medlemmene", Map.of("group", group));
        }
        List<Indicator> indicators;
        if (indicatorId != null) {
            indicators = List.of(catalog.requireIndicator(indicatorId));
        } else if (profileCode != null) {
            String profile = catalog.requireProfile(profileCode).code();
            indicators = IntStream.rangeClosed(from, to).boxed().flatMap(y -> catalog.profileRows(profile, y).stream())
                    .map(LayoutRow::indicator).distinct().toList();
        } else {
            indicators = catalog.indicators();
        }
        return discrepancies(catalog, indicators, List.of(group), from, to);
    }

    /**
     * As {@link #discrepancies(String, String, String, int, int)} for several indicators and groups at once (every
     * group of the country for every indicator of every profile): their members' figures and the published ones are
     * read in one query each, whatever their number.
     */
    public List<Discrepancy> discrepancies(Collection<String> indicatorIds, Collection<String> groupCodes, int from, int to) {
        Catalog catalog = catalogs.current();
        return discrepancies(catalog, indicatorIds.stream().map(catalog::requireIndicator).toList(),
                groupCodes.stream().map(g -> catalog.requireRegion(g).code()).toList(), from, to);
    }

    private List<Discrepancy> discrepancies(Catalog catalog, List<Indicator> indicators, List<String> groups, int from, int to) {
        var memberValues = members.members(catalog, indicators, groups, from, to);
        var published = repository.groupStatistics(memberValues.keySet(), groups, from, to);
        List<Discrepancy> out = new ArrayList<>();
        for (Indicator indicator : indicators) {
            // The year's mean kind looks through every layout: once per indicator and year, not per group.
            Map<Integer, MeanKind> meanKinds = new HashMap<>();
            memberValues.getOrDefault(indicator.id(), Map.of()).forEach((group, byYear) -> byYear.forEach((year, values) ->
                    out.addAll(Discrepancy.between(indicator.id(), indicator.decimals(), group, year,
                            GroupMeans.compute(meanKinds.computeIfAbsent(year, y -> catalog.meanKind(indicator, y)), values),
                            published.getOrDefault(indicator.id(), Map.of()).getOrDefault(group, Map.of()).getOrDefault(year, Map.of())))));
        }
        return out;
    }

    /**
     * The ressursbruksindikator for every ASSS member with a stored spending figure and expense-need index for the
     * year: spending per inhabitant (the indicator given) ÷ need, relative to the flat mean over those members.
     */
    public List<ResourceUse.Member> resourceUse(String spendingIndicator, String area, int year) {
        Catalog catalog = catalogs.current();
        Indicator indicator = catalog.requireIndicator(spendingIndicator);
        List<String> memberCodes = catalog.membersOf(ASSS, year);
        Map<String, Double> spending = new LinkedHashMap<>();
        repository.regionFigures(List.of(indicator.id()), memberCodes, year, year).getOrDefault(indicator.id(), Map.of())
                .forEach((region, byYear) -> {
                    Figure f = byYear.get(year);
                    if (f != null && f.hasValue()) {
                        spending.put(region, f.value());
                    }
                });
        Map<String, Double> need = new HashMap<>();
        repository.expenseNeed(area.trim().toUpperCase(Locale.ROOT)).forEach((region, byYear) -> {
            if (byYear.containsKey(year)) {
                need.put(region, byYear.get(year));
            }
        });
        List<ResourceUse.Member> members = ResourceUse.members(spending, need);
        if (members.isEmpty()) {
            throw new NotFoundException("Mangler tall for ressursbruksindikatoren i " + year + ": trenger "
                    + indicator.id() + " og utgiftsbehov (" + area + ") for ASSS-kommunene",
                    Map.of("indicator", indicator.id(), "area", area, "year", year,
                            "withSpending", List.copyOf(spending.keySet()), "withNeed", List.copyOf(need.keySet())));
        }
        return members;
    }

    private List<Comparison.Other> others(Catalog catalog, Indicator indicator, Region region, int year, Double own) {
        List<Comparison.Other> out = new ArrayList<>();
        for (String code : OTHERS) {
            Region other = catalog.findRegion(code).orElse(null);
            if (other == null || other.code().equals(region.code())) {
                continue;
            }
            if (other.kind() == RegionKind.MUNICIPALITY) {
                Figure f = repository.regionFigures(List.of(indicator.id()), List.of(other.code()), year, year)
                        .getOrDefault(indicator.id(), Map.of()).getOrDefault(other.code(), Map.of()).get(year);
                if (f != null) {
                    out.add(new Comparison.Other(other.code(), other.name(), f.value(), vintage(indicator, other.code(), year, true),
                            "observation", Comparison.deviation(own, f.value())));
                }
            } else {
                MemberFigures.GroupMean mean = members.means(catalog, indicator, other.code(), year, year).get(year);
                if (mean != null && mean.figure().hasValue()) {
                    Double value = mean.figure().value();
                    out.add(new Comparison.Other(other.code(), other.name(), value, mean.vintage(), mean.basis(),
                            Comparison.deviation(own, value)));
                }
            }
        }
        return out;
    }

    /** A municipality's figure's vintage: null when none is stored. */
    private String vintage(Indicator indicator, String region, int year, boolean stored) {
        return repository.preliminary(List.of(indicator.id()), List.of(region), year, year)
                .vintage(Preliminary.figure(indicator.id(), region, year), stored);
    }

    /** A mean formed from these members' figures: preliminary when any of them is. */
    private String formedVintage(Indicator indicator, List<MemberValue> members, int year) {
        Preliminary preliminary = repository.preliminary(List.of(indicator.id()), members.stream().map(MemberValue::region).toList(),
                year, year);
        return (preliminary.keys().isEmpty() ? Vintage.FINAL : Vintage.PRELIMINARY).code();
    }

    static Region municipality(Catalog catalog, String regionCode) {
        Region region = catalog.requireRegion(regionCode);
        if (region.kind() != RegionKind.MUNICIPALITY) {
            throw new InvalidInputException(region.name() + " (" + region.code() + ") er en gruppe, ikke en kommune",
                    Map.of("region", regionCode));
        }
        return region;
    }
}

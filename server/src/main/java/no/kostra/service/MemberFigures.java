package no.kostra.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.compute.asss.GroupFigures;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.asss.MemberValue;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.AnalysisRepository;

/**
 * A group's members' stored figures by year (membership as it was that year), and the group mean: the published one
 * where stored, else the one computed from the members.
 */
final class MemberFigures {
    private static final Figure NOT_STORED = Figure.missing(Status.NOT_AVAILABLE);

    private final AnalysisRepository repository;

    MemberFigures(AnalysisRepository repository) {
        this.repository = repository;
    }

    /**
     * year → one entry per member that year. A year is left out unless every member has a stored figure (a value or
     * a status symbol): a mean over the members that happen to be stored is no group mean.
     */
    Map<Integer, List<MemberValue>> members(Catalog catalog, Indicator indicator, String group, int from, int to) {
        return members(catalog, List.of(indicator), List.of(group), from, to).getOrDefault(indicator.id(), Map.of())
                .getOrDefault(group, Map.of());
    }

    /** As {@link #members(Catalog, Indicator, String, int, int)}, indicator → group → year, read in one query. */
    Map<String, Map<String, Map<Integer, List<MemberValue>>>> members(Catalog catalog, List<Indicator> indicators,
                                                                    List<String> groups, int from, int to) {
        // Each group's members per year, looked up once rather than for every indicator.
        Map<String, Map<Integer, List<String>>> membersOf = new LinkedHashMap<>();
        Set<String> everyMember = new HashSet<>();
        for (String group : groups) {
            for (int year = from; year <= to; year++) {
                List<String> members = catalog.membersOf(group, year);
                membersOf.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(year, members);
                everyMember.addAll(members);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        indicators.forEach(i -> {
            ids.add(i.id());
            if (i.weightIndicator() != null) {
                ids.add(i.weightIndicator());
            }
        });
        var figures = repository.regionFigures(ids, everyMember, from, to);
        Map<String, Map<String, Map<Integer, List<MemberValue>>>> out = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            var values = figures.getOrDefault(indicator.id(), Map.of());
            var weights = indicator.weightIndicator() == null ? Map.<String, Map<Integer, Figure>>of()
                    : figures.getOrDefault(indicator.weightIndicator(), Map.of());
            for (String group : groups) {
                for (int year = from; year <= to; year++) {
                    List<MemberValue> members = new ArrayList<>();
                    boolean complete = true;
                    for (String member : membersOf.get(group).get(year)) {
                        Figure value = values.getOrDefault(member, Map.of()).getOrDefault(year, NOT_STORED);
                        Figure weight = weights.getOrDefault(member, Map.of()).get(year);
                        complete &= values.getOrDefault(member, Map.of()).containsKey(year);
                        members.add(new MemberValue(member, value, weight == null || !weight.hasValue() ? null : weight.value()));
                    }
                    if (complete && !members.isEmpty()) {
                        out.computeIfAbsent(indicator.id(), k -> new LinkedHashMap<>()).computeIfAbsent(group, k -> new LinkedHashMap<>())
                                .put(year, members);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The group's mean for each year: published where stored, else computed from members; preliminary when the published
     * one is, or when any member's figure the computed one is formed from is.
     */
    Map<Integer, GroupMean> means(Catalog catalog, Indicator indicator, String group, int from, int to) {
        var published = repository.groupStatistics(List.of(indicator.id()), List.of(group), from, to)
                .getOrDefault(indicator.id(), Map.of()).getOrDefault(group, Map.of());
        var members = members(catalog, indicator, group, from, to);
        Preliminary preliminary = repository.preliminaryStatistics(List.of(indicator.id()), List.of(group), from, to);
        Preliminary preliminaryMembers = members.isEmpty() ? Preliminary.NONE : repository.preliminary(List.of(indicator.id()),
                members.values().stream().flatMap(List::stream).map(MemberValue::region).distinct().toList(), from, to);
        Map<Integer, GroupMean> out = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            int y = year;
            Figure mean = Optional.ofNullable(published.get(year)).map(m -> m.get(Statistic.MEAN)).orElse(null);
            if (mean != null) {
                out.put(year, new GroupMean(mean, GroupMean.PUBLISHED,
                        preliminary.vintage(Preliminary.statistic(indicator.id(), group, year, Statistic.MEAN), true)));
            } else if (members.containsKey(year)) {
                GroupFigures computed = GroupMeans.compute(catalog.meanKind(indicator, year), members.get(year));
                boolean anyPreliminary = members.get(year).stream()
                        .anyMatch(m -> preliminaryMembers.contains(Preliminary.figure(indicator.id(), m.region(), y)));
                out.put(year, new GroupMean(computed.mean() == null ? NOT_STORED : Figure.of(computed.mean()), GroupMean.COMPUTED,
                        (anyPreliminary ? Vintage.PRELIMINARY : Vintage.FINAL).code()));
            }
        }
        return out;
    }

    /**
     * @param basis   "published" or "computed"
     * @param vintage "preliminary" or "final"
     */
    record GroupMean(Figure figure, String basis, String vintage) {
        static final String PUBLISHED = "published";
        static final String COMPUTED = "computed";
    }
}

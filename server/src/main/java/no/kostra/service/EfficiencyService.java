package no.kostra.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.compute.efficiency.ComputedInputs;
import no.kostra.compute.efficiency.EfficiencyCalculator;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.efficiency.PublishedEfficiency;
import no.kostra.compute.narrative.EfficiencyNarrative;
import no.kostra.compute.narrative.Wording;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.StoredRow;

/**
 * Efficiency splits: computed from the area's stored components (a cost indicator, production indicators with
 * weights, expense-need indices) where all are stored for a year, else from the report's published statements.
 */
public final class EfficiencyService {
    private final CatalogService catalogs;
    private final AnalysisRepository repository;
    private final MemberFigures members;

    EfficiencyService(CatalogService catalogs, AnalysisRepository repository) {
        this.catalogs = catalogs;
        this.repository = repository;
        this.members = new MemberFigures(repository);
    }

    public EfficiencyReport efficiency(String regionCode, String area, int from, int to) {
        if (from > to) {
            throw new InvalidInputException("'from' (" + from + ") kan ikke være etter 'to' (" + to + ")", Map.of("from", from, "to", to));
        }
        Catalog catalog = catalogs.current();
        Region region = ComparisonService.municipality(catalog, regionCode);
        String areaCode = area.trim().toUpperCase(java.util.Locale.ROOT);
        if (!catalog.areas().contains(areaCode)) {
            throw new NotFoundException("Fant ikke tjenesteområde " + area, Map.of("asked", area, "known", List.copyOf(catalog.areas())));
        }
        Map<Integer, PublishedEfficiency> published = published(repository.efficiencyStatements(areaCode, region.code()));
        Map<Integer, ComputedInputs> computed = computed(catalog, region, areaCode, from, to);
        List<EfficiencyYear> years = EfficiencyCalculator.split(from, to, computed, published);
        if (years.isEmpty()) {
            String title = catalog.profiles().stream().filter(p -> p.area().equals(areaCode)).findFirst()
                    .map(ProfileDefinition::areaTitle).orElse(areaCode);
            throw new NotFoundException("Ingen effektivitetstall i " + title + " for " + region.name() + " " + from + "–" + to,
                    Map.of("region", region.code(), "area", areaCode, "from", from, "to", to));
        }
        return new EfficiencyReport(new EfficiencyReport.Region(region.code(), region.name()), areaCode, years,
                EfficiencyNarrative.sentences(region.name(), years, id -> Wording.subject(catalog.requireIndicator(id))));
    }

    static Map<Integer, PublishedEfficiency> published(List<StoredRow> statements) {
        Map<Integer, Map<String, Double>> byYear = new HashMap<>();
        for (StoredRow s : statements) {
            byYear.computeIfAbsent(s.integer("ref_year"), y -> new HashMap<>()).put(s.text("measure") + "|" + s.text("kind"), s.number("num_value"));
        }
        Map<Integer, PublishedEfficiency> out = new HashMap<>();
        // "efficiency_as_printed" is the report's text as printed (PLO: "0,082 prosent", a unit slip); it is never used.
        byYear.forEach((year, m) -> out.put(year, new PublishedEfficiency(year, m.get("cost|level_percent"),
                m.get("production|level_percent"), m.get("efficiency|level_percent"), m.get("cost|change_pp"),
                m.get("production|change_pp"), m.get("efficiency|change_pp"))));
        return out;
    }

    private Map<Integer, ComputedInputs> computed(Catalog catalog, Region region, String area, int from, int to) {
        List<StoredRow> components = repository.efficiencyComponents(area);
        Map<String, Map<Integer, Double>> need = repository.expenseNeed(area);
        Map<Integer, ComputedInputs> out = new HashMap<>();
        for (int year = from; year <= to; year++) {
            // The components that hold for this year: KS changes the indicators and their weights over time.
            int y = year;
            List<StoredRow> cost = components.stream().filter(c -> c.text("role").equals("cost") && c.holdsFor(y)).toList();
            List<StoredRow> production = components.stream()
                    .filter(c -> c.text("role").equals("production") && c.holdsFor(y)).toList();
            if (cost.size() != 1 || production.isEmpty()) {
                continue;
            }
            Indicator costIndicator = catalog.requireIndicator(cost.get(0).text("indicator_id"));
            Double x = own(region, costIndicator, year, year).get(year);
            Double n = need.getOrDefault(region.code(), Map.of()).get(year);
            Double nAsss = need.getOrDefault(ComparisonService.ASSS, Map.of()).get(year);
            MemberFigures.GroupMean xAsss = members.means(catalog, costIndicator, ComparisonService.ASSS, year, year).get(year);
            if (x == null || n == null || nAsss == null || xAsss == null || !xAsss.figure().hasValue()) {
                continue;
            }
            List<ComputedInputs.Production> parts = new ArrayList<>();
            for (StoredRow p : production) {
                Indicator indicator = catalog.requireIndicator(p.text("indicator_id"));
                Double own = own(region, indicator, year, year).get(year);
                MemberFigures.GroupMean mean = members.means(catalog, indicator, ComparisonService.ASSS, year, year).get(year);
                if (own == null || mean == null || !mean.figure().hasValue() || p.number("weight") == null) {
                    parts = null;
                    break;
                }
                parts.add(new ComputedInputs.Production(indicator.id(), catalog.displayName(indicator, year), p.number("weight"), own,
                        mean.figure().value()));
            }
            if (parts != null) {
                out.put(year, new ComputedInputs(year, new ComputedInputs.Cost(x, n, xAsss.figure().value(), nAsss), parts));
            }
        }
        return out;
    }

    private Map<Integer, Double> own(Region region, Indicator indicator, int from, int to) {
        Map<Integer, Double> out = new HashMap<>();
        repository.regionFigures(List.of(indicator.id()), List.of(region.code()), from, to)
                .getOrDefault(indicator.id(), Map.of()).getOrDefault(region.code(), Map.of())
                .forEach((year, f) -> {
                    if (f.hasValue()) {
                        out.put(year, f.value());
                    }
                });
        return out;
    }
}

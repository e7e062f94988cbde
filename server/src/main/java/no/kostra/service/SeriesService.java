package no.kostra.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.catalog.Unit;
import no.kostra.compute.series.Adjustment;
import no.kostra.compute.series.Series;
import no.kostra.compute.series.SeriesCalculator;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Vintage;
import no.kostra.store.AnalysisRepository;
import no.kostra.text.NorwegianList;

/** Series of one indicator for municipalities and groups, nominal or adjusted by the stored deflators and need indices. */
public final class SeriesService {
    static final int MAX_YEARS = 30;

    private final CatalogService catalogs;
    private final AnalysisRepository repository;
    private final MemberFigures members;

    SeriesService(CatalogService catalogs, AnalysisRepository repository) {
        this.catalogs = catalogs;
        this.repository = repository;
        this.members = new MemberFigures(repository);
    }

    public Series series(String indicatorId, List<String> regionCodes, int from, int to, Adjustment adjust) {
        if (from > to || to - from >= MAX_YEARS) {
            throw new InvalidInputException("Årene må gå fra 'from' til 'to' og spenne over høyst " + MAX_YEARS + " år, fikk "
                    + from + "–" + to, Map.of("from", from, "to", to));
        }
        if (regionCodes.isEmpty()) {
            throw new InvalidInputException("Parameteren 'regions' mangler regioner", Map.of("parameter", "regions"));
        }
        Catalog catalog = catalogs.current();
        Indicator indicator = catalog.requireIndicator(indicatorId);
        if (adjust != Adjustment.NONE && indicator.unit() != Unit.KRONER) {
            throw new InvalidInputException("«" + indicator.name() + "» måles i " + indicator.unit().code()
                    + "; bare kronebeløp kan justeres med deflator eller utgiftsbehov", Map.of("indicator", indicator.id(),
                    "unit", indicator.unit().code(), "adjust", adjust.code()));
        }
        Map<Integer, Double> deflators = adjust.deflates() ? repository.deflators() : Map.of();
        List<Integer> missing = adjust.deflates() ? SeriesCalculator.missingDeflators(from, to, deflators) : List.of();
        if (!missing.isEmpty()) {
            throw new NotFoundException("Mangler kommunal deflator for " + NorwegianList.years(missing) + ". Importer deflatorer"
                    + " som CSV (year,deflator_percent,source) med POST /api/reference/deflators.csv", Map.of("missingYears", missing));
        }
        Map<String, Map<Integer, Double>> need = adjust.byNeed() ? repository.expenseNeed(indicator.area()) : Map.of();
        List<SeriesCalculator.LineInput> lines = new ArrayList<>();
        for (String code : regionCodes) {
            Region region = catalog.requireRegion(code);
            lines.add(region.kind() == RegionKind.MUNICIPALITY ? own(indicator, region, from, to) : group(catalog, indicator, region, from, to));
        }
        return SeriesCalculator.compute(indicator, catalog.displayName(indicator, to), from, to, adjust, lines, deflators, need, deflatorSource(from, to));
    }

    private String deflatorSource(int from, int to) {
        return repository.deflatorSources(from + 1, to);
    }

    private SeriesCalculator.LineInput own(Indicator indicator, Region region, int from, int to) {
        Map<Integer, Figure> figures = repository.regionFigures(List.of(indicator.id()), List.of(region.code()), from, to)
                .getOrDefault(indicator.id(), Map.of()).getOrDefault(region.code(), Map.of());
        Preliminary preliminary = repository.preliminary(List.of(indicator.id()), List.of(region.code()), from, to);
        Set<Integer> preliminaryYears = figures.keySet().stream()
                .filter(y -> preliminary.contains(Preliminary.figure(indicator.id(), region.code(), y))).collect(Collectors.toSet());
        return new SeriesCalculator.LineInput(region.code(), region.name(), "observation", figures, preliminaryYears);
    }

    private SeriesCalculator.LineInput group(Catalog catalog, Indicator indicator, Region group, int from, int to) {
        Map<Integer, Figure> figures = new LinkedHashMap<>();
        Set<Integer> preliminaryYears = new HashSet<>();
        String basis = MemberFigures.GroupMean.PUBLISHED;
        for (var e : members.means(catalog, indicator, group.code(), from, to).entrySet()) {
            figures.put(e.getKey(), e.getValue().figure());
            if (e.getValue().basis().equals(MemberFigures.GroupMean.COMPUTED)) {
                basis = MemberFigures.GroupMean.COMPUTED;
            }
            if (e.getValue().vintage().equals(Vintage.PRELIMINARY.code())) {
                preliminaryYears.add(e.getKey());
            }
        }
        return new SeriesCalculator.LineInput(group.code(), group.name(), basis, figures, preliminaryYears);
    }
}

package no.kostra.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.compute.YearFigure;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.store.FigureRepository;

/**
 * Reads an area's series indicators (catalogue entries outside any profile) as stored: the municipality and its
 * comparison neighbour as observed, the groups as their published means, each labelled as its source printed it where
 * the stored figures say so. A region with nothing stored for an indicator gets no row; a year with nothing stored
 * shows {@code ..}.
 */
public final class SeriesGatherer {
    /** The reports compare Bærum with Asker and Asker with Bærum. */
    private static final Map<String, String> NEIGHBOUR = Map.of("3201", "3203", "3203", "3201");
    private static final List<String> GROUPS = List.of("ASSS", "KG12", "KG13");

    private final FigureRepository figures;

    public SeriesGatherer(FigureRepository figures) {
        this.figures = figures;
    }

    public List<SeriesRow> gather(Catalog catalog, String area, String region, List<Integer> years) {
        // A series is an area's indicator that is no profile's row in any year: a row's indicator never doubles as one.
        List<Indicator> indicators = catalog.indicatorsOfArea(area).stream()
                .filter(i -> !catalog.isProfileIndicator(i.id())).toList();
        List<String> ids = indicators.stream().map(Indicator::id).toList();
        int from = years.get(0);
        int to = years.get(years.size() - 1);

        List<String> municipalities = new ArrayList<>(List.of(region));
        if (NEIGHBOUR.containsKey(region)) {
            municipalities.add(NEIGHBOUR.get(region));
        }
        Map<String, Map<String, Map<Integer, Figure>>> byRegion = new HashMap<>();
        for (String municipality : municipalities) {
            byRegion.put(municipality, figures.municipalityFigures(ids, municipality, from, to));
        }
        for (String group : GROUPS) {
            Map<String, Map<Integer, Figure>> means = new HashMap<>();
            for (int year : years) {
                figures.groupFigures(ids, group, year).forEach((indicator, stats) -> {
                    Figure mean = stats.get(Statistic.MEAN);
                    if (mean != null) {
                        means.computeIfAbsent(indicator, k -> new HashMap<>()).put(year, mean);
                    }
                });
            }
            byRegion.put(group, means);
        }

        Map<String, Map<String, String>> printedLabels = new HashMap<>();
        for (String group : GROUPS) {
            printedLabels.put(group, figures.printedGroupLabels(ids, group, from, to));
        }

        List<SeriesRow> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            for (String code : concat(municipalities, GROUPS)) {
                Map<Integer, Figure> stored = byRegion.get(code).get(indicator.id());
                if (stored == null || stored.isEmpty()) {
                    continue;
                }
                List<YearFigure> shown = years.stream().map(y -> {
                    Figure f = stored.getOrDefault(y, Figure.missing(Status.NOT_AVAILABLE));
                    return new YearFigure(y, f.value(), f.status() == null ? null : f.status().symbol());
                }).toList();
                boolean group = GROUPS.contains(code);
                // a group keeps the label its source printed ("ASSS med Oslo", not "ASSS-snitt" beside "ASSS uten Oslo")
                String label = group ? printedLabels.get(code).getOrDefault(indicator.id(), catalog.requireRegion(code).name())
                        : catalog.requireRegion(code).name();
                rows.add(new SeriesRow(indicator.id(), indicator.name(), indicator.unit().displayName(), indicator.decimals(),
                        code, label, group ? Statistic.MEAN.code() : null, shown));
            }
        }
        return rows;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

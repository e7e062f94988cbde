package no.kostra.workbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.compute.YearFigure;
import no.kostra.compute.barometer.Place;
import no.kostra.compute.summary.AreaFigures;
import no.kostra.compute.summary.Levels;
import no.kostra.observation.Statistic;

/**
 * Fills the summary's overview: one row per area. The ressursbruksindikator is the stored figure beside its ASSS
 * mean, its deviation a live formula; cost and production are the efficiency split's, efficiency a live formula over
 * them, in the report year and the year before. Percentages and grades are shown with the decimals the findings quote
 * them with ({@link AreaFigures#PERCENT_DECIMALS}), whatever the template's format.
 */
final class OverviewTableWriter {
    private final TableLayout table;
    private final CellWriter cells;
    private final Map<OverviewColumn, Integer> columns = new EnumMap<>(OverviewColumn.class);

    OverviewTableWriter(TableLayout table, CellWriter cells) {
        this.table = table;
        this.cells = cells;
        for (OverviewColumn column : OverviewColumn.values()) {
            table.findColumn(column.header()).ifPresent(c -> columns.put(column, c));
        }
        table.requireColumn(OverviewColumn.ID.header());
    }

    /** Writes the areas' rows; returns how many. */
    int write(List<AreaFigures> areas, String region, int year) {
        columns.forEach((kind, c) -> kind.headerFor(year).ifPresent(header -> table.renameHeader(c, header)));
        table.finishHeaders();
        table.resize(areas.size());
        for (int i = 0; i < areas.size(); i++) {
            writeRow(i, areas.get(i), region, year);
            table.fitHeight(i);
        }
        return areas.size();
    }

    private void writeRow(int i, AreaFigures a, String region, int year) {
        AreaFigures.Resource r = a.resource();
        Optional<Place> barometer = a.barometer() == null || a.sector() == null ? Optional.empty() : a.barometer().place(a.sector());
        for (Map.Entry<OverviewColumn, Integer> entry : columns.entrySet()) {
            CellWriter.Place place = new CellWriter.Place(table, i, entry.getValue(), a.area());
            switch (entry.getKey()) {
                case ID -> CellWriter.text(place, a.area());
                case AREA -> CellWriter.text(place, a.title());
                case RESOURCE_USE -> figureOrMissing(place, r == null ? null : () -> cells.figure(place, r.decimals(), r.indicator(), region,
                        null, new YearFigure(year, r.value(), missing(r.value()))));
                case RESOURCE_MEAN -> figureOrMissing(place, r == null ? null : () -> cells.figure(place, r.decimals(), r.indicator(),
                        ProfileTableWriter.ASSS, Statistic.MEAN.code(), new YearFigure(year, r.mean(), missing(r.mean()))));
                case RESOURCE_DEVIATION -> figureOrMissing(place, r == null ? null : () -> cells.formula(place, StyleBook.numberFormat(AreaFigures.PERCENT_DECIMALS),
                        Formulas.deviation(ref(i, OverviewColumn.RESOURCE_USE), ref(i, OverviewColumn.RESOURCE_MEAN)), r.deviation(),
                        r.indicator(), region, year));
                case ASSS_PLACE -> CellWriter.text(place, r == null || r.place() == null ? CellWriter.NOT_AVAILABLE : AreaFigures.place(r.place()));
                case COST -> level(place, a, region, a.levels(), year, Levels::cost);
                case PRODUCTION -> level(place, a, region, a.levels(), year, Levels::production);
                case EFFICIENCY -> efficiency(place, a, region, a.levels(), year, i, OverviewColumn.COST, OverviewColumn.PRODUCTION);
                case BASE_COST -> level(place, a, region, a.before(), year - 1, Levels::cost);
                case BASE_PRODUCTION -> level(place, a, region, a.before(), year - 1, Levels::production);
                case BASE_EFFICIENCY -> efficiency(place, a, region, a.before(), year - 1, i, OverviewColumn.BASE_COST,
                        OverviewColumn.BASE_PRODUCTION);
                case BAROMETER -> CellWriter.text(place, barometer.map(p -> p.rank() + " av " + p.of()).orElse(CellWriter.NOT_AVAILABLE));
                case GRADE -> figureOrMissing(place, barometer.isEmpty() ? null : () -> cells.figure(place,
                        no.kostra.compute.barometer.Standings.GRADE_DECIMALS, a.sector(), region, BarometerTableWriter.STATISTIC,
                        new YearFigure(barometer.get().year(), barometer.get().grade(), missing(barometer.get().grade()))));
            }
        }
    }

    /** A cost or production level of the split, in percent over ASSS. */
    private void level(CellWriter.Place place, AreaFigures a, String region, Levels levels, int year,
                       java.util.function.Function<Levels, Double> measure) {
        Double value = levels == null ? null : measure.apply(levels);
        cells.figure(place, AreaFigures.PERCENT_DECIMALS, a.area(), region, EfficiencyTableWriter.STATISTIC,
                new YearFigure(year, value, missing(value)));
    }

    private void efficiency(CellWriter.Place place, AreaFigures a, String region, Levels levels, int year, int i,
                            OverviewColumn cost, OverviewColumn production) {
        cells.formula(place, StyleBook.numberFormat(AreaFigures.PERCENT_DECIMALS), Formulas.efficiency(ref(i, cost), ref(i, production)),
                levels == null ? null : levels.efficiency(), a.area(), region, year);
    }

    /** Writes the cell, or the symbol for a figure not stored when there is nothing to write. */
    private static void figureOrMissing(CellWriter.Place place, Runnable write) {
        if (write == null) {
            CellWriter.text(place, CellWriter.NOT_AVAILABLE);
        } else {
            write.run();
        }
    }

    private static String missing(Double value) {
        return value == null ? CellWriter.NOT_AVAILABLE : null;
    }

    private String ref(int i, OverviewColumn column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw table.template().missing("kolonnen '" + column.header() + "' i tabellen '" + table.tableName() + "'");
        }
        return TableLayout.ref(table.firstDataRow() + i, c);
    }
}

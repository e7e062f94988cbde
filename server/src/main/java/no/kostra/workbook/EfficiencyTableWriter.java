package no.kostra.workbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kostra.compute.TablePrecision;
import no.kostra.compute.YearFigure;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.summary.Levels;

/**
 * Fills an efficiency table: one row per year, cost and production in percent over (+) or under (−) the ASSS mean,
 * and the efficiency as a live formula over them, E = (1 + P) / (1 + C) − 1, so an edited cost or production
 * figure moves it at once.
 */
final class EfficiencyTableWriter {
    static final String STATISTIC = "efficiency";

    private final TableLayout table;
    private final CellWriter cells;
    private final Map<EfficiencyColumn, Integer> columns = new EnumMap<>(EfficiencyColumn.class);

    EfficiencyTableWriter(TableLayout table, CellWriter cells) {
        this.table = table;
        this.cells = cells;
        for (EfficiencyColumn column : EfficiencyColumn.values()) {
            columns.put(column, table.requireColumn(column.header()));
        }
    }

    /** Writes the years; returns the number of rows written. */
    int write(String area, String region, List<EfficiencyYear> years) {
        table.finishHeaders();
        table.resize(years.size());
        for (int i = 0; i < years.size(); i++) {
            EfficiencyYear y = years.get(i);
            String rowKey = area + "|" + y.year();
            for (Map.Entry<EfficiencyColumn, Integer> entry : columns.entrySet()) {
                CellWriter.Place place = new CellWriter.Place(table, i, entry.getValue(), rowKey);
                switch (entry.getKey()) {
                    case YEAR -> CellWriter.text(place, Integer.toString(y.year()));
                    case COST -> cells.figure(place, TablePrecision.EFFICIENCY_LEVEL, area, region, STATISTIC,
                            new YearFigure(y.year(), Levels.percentOver(y.costIndex()), null));
                    case PRODUCTION -> cells.figure(place, TablePrecision.EFFICIENCY_LEVEL, area, region, STATISTIC,
                            new YearFigure(y.year(), Levels.percentOver(y.productionIndex()), null));
                    case EFFICIENCY -> cells.formula(place, StyleBook.numberFormat(TablePrecision.EFFICIENCY), efficiencyFormula(i),
                            y.efficiency() * 100.0, area, region, y.year());
                }
            }
        }
        return years.size();
    }

    private String efficiencyFormula(int i) {
        return Formulas.efficiency(TableLayout.ref(table.firstDataRow() + i, columns.get(EfficiencyColumn.COST)),
                TableLayout.ref(table.firstDataRow() + i, columns.get(EfficiencyColumn.PRODUCTION)));
    }
}

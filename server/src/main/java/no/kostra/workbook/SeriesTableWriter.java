package no.kostra.workbook;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills a series table: one row per (indicator, region), one column per year, every figure as stored. */
final class SeriesTableWriter {
    /** The rows of one indicator, as sheet row indices (inclusive). */
    record Block(int firstRow, int lastRow) {
    }

    private final TableLayout table;
    private final CellWriter cells;
    private final Map<SeriesColumn, Integer> columns = new EnumMap<>(SeriesColumn.class);

    SeriesTableWriter(TableLayout table, CellWriter cells) {
        this.table = table;
        this.cells = cells;
        for (SeriesColumn column : SeriesColumn.values()) {
            columns.put(column, table.requireColumn(column.header()));
        }
    }

    /** Writes the rows (grouped by indicator, as gathered); returns each indicator's block of rows. */
    Map<String, Block> write(List<SeriesRow> rows, List<Integer> years) {
        int reportYear = years.get(years.size() - 1);
        columns.forEach((kind, c) -> kind.yearsBack().ifPresent(back -> table.renameHeader(c, Integer.toString(reportYear - back))));
        table.finishHeaders();
        table.resize(rows.size());
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SeriesRow row = rows.get(i);
            int sheetRow = table.firstDataRow() + i;
            blocks.merge(row.indicator(), new Block(sheetRow, sheetRow), (a, b) -> new Block(a.firstRow(), b.lastRow()));
            for (Map.Entry<SeriesColumn, Integer> entry : columns.entrySet()) {
                CellWriter.Place place = new CellWriter.Place(table, i, entry.getValue(), row.rowKey());
                switch (entry.getKey()) {
                    case ID -> CellWriter.text(place, row.indicator());
                    case NAME -> CellWriter.text(place, row.name());
                    case REGION -> CellWriter.text(place, row.regionName());
                    case UNIT -> CellWriter.text(place, row.unit());
                    default -> {
                        int year = reportYear - entry.getKey().yearsBack().orElseThrow();
                        cells.figure(place, row.decimals(), row.indicator(), row.region(), row.statistic(),
                                row.figures().stream().filter(f -> f.year() == year).findFirst().orElseThrow());
                    }
                }
            }
            table.fitHeight(i);
        }
        return blocks;
    }
}

package no.kostra.workbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kostra.compute.summary.AreaFigures;

/** Fills the findings table: each area's three findings, one per row, as sentences a writer can start from. */
final class FindingsTableWriter {
    private final TableLayout table;
    private final Map<FindingsColumn, Integer> columns = new EnumMap<>(FindingsColumn.class);

    FindingsTableWriter(TableLayout table) {
        this.table = table;
        for (FindingsColumn column : FindingsColumn.values()) {
            columns.put(column, table.requireColumn(column.header()));
        }
    }

    void write(List<AreaFigures> areas) {
        table.finishHeaders();
        List<String[]> rows = areas.stream().flatMap(a -> {
            List<String> findings = a.findings();
            return java.util.stream.IntStream.range(0, findings.size())
                    .mapToObj(n -> new String[] {a.area() + "|" + (n + 1), a.title(), findings.get(n)});
        }).toList();
        table.resize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            for (Map.Entry<FindingsColumn, Integer> entry : columns.entrySet()) {
                CellWriter.Place place = new CellWriter.Place(table, i, entry.getValue(), row[0]);
                CellWriter.text(place, row[entry.getKey().ordinal()]);
            }
            table.fitHeight(i);
        }
    }
}

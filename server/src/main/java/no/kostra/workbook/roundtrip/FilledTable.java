package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.workbook.CellProvenance;

/**
 * A table as the service filled it, from the provenance map: its sheet then, each row's key and place then, and each
 * mapped cell by row key and column header. What a returned table is matched against.
 */
final class FilledTable {
    final String name;
    final String sheet;
    /** Row key → the row as filled, in the order the rows were filled. */
    final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<Integer, String> keyAtRow = new HashMap<>();
    private final Map<Integer, String> headerAtColumn = new HashMap<>();

    /** One filled row: where it was, and its mapped cells by column header. */
    record Row(String key, int row, Map<String, CellProvenance> cells) {
        /** The text the row's Id column shows: a series row's key is indicator|region, its Id the indicator. */
        String id() {
            int bar = key.indexOf('|');
            return bar < 0 ? key : key.substring(0, bar);
        }
    }

    private FilledTable(String name, String sheet) {
        this.name = name;
        this.sheet = sheet;
    }

    /** The filled tables named in the provenance, by name. */
    static Map<String, FilledTable> of(List<CellProvenance> provenance) {
        Map<String, FilledTable> tables = new LinkedHashMap<>();
        // the map lists a row's cells one after another: the last table and row are looked up once for all of them
        FilledTable table = null;
        Row row = null;
        for (CellProvenance p : provenance) {
            CellAddress at = CellAddress.parse(p.cell());
            if (p.table() == null || p.rowKey() == null || p.column() == null || at == null) {
                continue;
            }
            if (table == null || !table.name.equals(p.table())) {
                table = tables.computeIfAbsent(p.table(), t -> new FilledTable(t, p.sheet()));
                row = null;
            }
            if (row == null || !row.key().equals(p.rowKey())) {
                row = table.rows.computeIfAbsent(p.rowKey(), k -> new Row(k, at.row(), new LinkedHashMap<>()));
                table.keyAtRow.putIfAbsent(at.row(), p.rowKey());
            }
            row.cells().put(p.column(), p);
            table.headerAtColumn.putIfAbsent(at.column(), p.column());
        }
        return tables;
    }

    boolean hasHeader(String header) {
        return headerAtColumn.containsValue(header);
    }

    /** {@code Table[column]{row key}} for a body cell the service filled, else null. */
    String cellAt(int row, int column) {
        String key = keyAtRow.get(row);
        String header = headerAtColumn.get(column);
        return key == null || header == null ? null : describe(header, key);
    }

    String describe(String header, String key) {
        return name + "[" + header + "]{" + key + "}";
    }

    List<Row> rowsInOrder() {
        List<Row> inOrder = new ArrayList<>(rows.values());
        inOrder.sort(java.util.Comparator.comparingInt(Row::row));
        return inOrder;
    }
}

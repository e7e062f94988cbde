package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.ProfileColumn;

/**
 * A filled table found again in a returned workbook: by its name (the table part), its header row (where its columns'
 * names are, at the range the part claims or, when a program moved the cells without updating the part as openpyxl
 * does, the nearest row that holds them), and each filled row by its key: the Id column's text, and where several rows
 * share an Id (a series table has one per region) or there is no Id column, the row that still holds most of the
 * figures filled into it. So rows inserted above or inside the table, or sorted, are the same rows.
 */
final class LocatedTable {
    static final String ID_HEADER = ProfileColumn.ID.header();
    /** Above this many pairs of filled and returned rows, a table without an Id column is matched by order alone. */
    private static final long MAX_PAIRS = 250_000;

    final TablePart part;
    final FilledTable filled;
    final SheetCells cells;
    private final int firstDataRow;
    private final int lastDataRow;
    private final Integer idColumn;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<Integer, String> keyAtRow = new HashMap<>();
    private final Map<String, Integer> rowOfKey = new HashMap<>();

    private LocatedTable(TablePart part, FilledTable filled, SheetCells cells) {
        this.part = part;
        this.filled = filled;
        this.cells = cells;
        for (int i = 0; i < part.columns().size(); i++) {
            columns.putIfAbsent(part.columns().get(i), part.firstColumn() + i);
        }
        int refStart = part.first().row();
        int headerRow = part.headerRows() == 0 ? refStart : headerRow(refStart);
        int shift = headerRow - refStart;
        this.firstDataRow = refStart + part.headerRows() + shift;
        this.idColumn = column(ID_HEADER);
        this.lastDataRow = lastDataRow(part.last().row() + shift - part.totalsRows());
        match(shift);
    }

    static LocatedTable locate(TablePart part, FilledTable filled, SheetCells cells) {
        return new LocatedTable(part, filled, cells);
    }

    /** The column of a header (its first, where two share a name), or null when the table has no such column. */
    Integer column(String header) {
        return columns.get(header);
    }

    private String headerAt(int column) {
        int i = column - part.firstColumn();
        return i < 0 || i >= part.columns().size() ? null : part.columns().get(i);
    }

    /** Where the filled row with this key is now, or null when it is gone. */
    Integer rowOf(String key) {
        return rowOfKey.get(key);
    }

    /** {@code Table[column]{row key}} for a body cell of a filled row, in the same words as {@link FilledTable#cellAt}. */
    String cellAt(int row, int column) {
        String key = keyAtRow.get(row);
        String header = headerAt(column);
        return key == null || header == null || !filled.hasHeader(header) ? null : filled.describe(header, key);
    }

    /** The body rows that hold something but are none of the filled rows: rows a person added. */
    List<Integer> addedRows() {
        List<Integer> added = new ArrayList<>();
        for (int r : bodyRows()) {
            if (!keyAtRow.containsKey(r) && hasContent(r)) {
                added.add(r);
            }
        }
        return added;
    }

    String rowText(int row) {
        List<String> parts = new ArrayList<>();
        for (int c = part.firstColumn(); c <= part.lastColumn(); c++) {
            String text = cells.content(row, c);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(" | ", parts);
    }

    private boolean hasContent(int row) {
        for (int c = part.firstColumn(); c <= part.lastColumn(); c++) {
            if (!cells.content(row, c).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The row holding the columns' names: where the part says, else the nearest row that does, else where the part says. */
    private int headerRow(int refStart) {
        if (isHeader(refStart)) {
            return refStart;
        }
        int best = refStart;
        int distance = Integer.MAX_VALUE;
        for (int r : cells.rowNumbers()) {
            if (Math.abs(r - refStart) < distance && isHeader(r)) {
                best = r;
                distance = Math.abs(r - refStart);
            }
        }
        return best;
    }

    private boolean isHeader(int row) {
        boolean named = false;
        for (int i = 0; i < part.columns().size(); i++) {
            String name = part.columns().get(i);
            if (!name.isEmpty()) {
                named = true;
                if (!cells.content(row, part.firstColumn() + i).equals(name)) {
                    return false;
                }
            }
        }
        return named;
    }

    /**
     * The last body row: where the part says, or further down while the rows there carry filled rows' Ids (a program
     * that inserted rows inside the table without widening its part pushed them out of its range).
     */
    private int lastDataRow(int nominal) {
        if (idColumn == null) {
            return nominal;
        }
        Set<String> ids = new HashSet<>();
        filled.rows.values().forEach(r -> ids.add(r.id()));
        int last = nominal;
        for (int r = nominal + 1; r <= nominal + filled.rows.size(); r++) {
            if (ids.contains(cells.content(r, idColumn))) {
                last = r;
            } else if (hasContent(r)) {
                break;
            }
        }
        return last;
    }

    private List<Integer> bodyRows() {
        List<Integer> rows = new ArrayList<>();
        for (int r : cells.rowNumbers()) {
            if (r >= firstDataRow && r <= lastDataRow) {
                rows.add(r);
            }
        }
        return rows;
    }

    private record Pair(FilledTable.Row row, int order, int now, int score, int distance) {
    }

    /**
     * Pairs each filled row with one body row: its only candidate by Id, else the candidate holding most of its filled
     * figures, nearer its old place first; each body row is taken once.
     */
    private void match(int shift) {
        List<FilledTable.Row> filledRows = filled.rowsInOrder();
        List<Integer> body = bodyRows();
        if (idColumn == null && (long) filledRows.size() * body.size() > MAX_PAIRS) {
            for (int i = 0; i < Math.min(filledRows.size(), body.size()); i++) {
                pair(filledRows.get(i).key(), body.get(i));
            }
            return;
        }
        Map<String, List<Integer>> byId = new HashMap<>();
        if (idColumn != null) {
            for (int r : body) {
                byId.computeIfAbsent(cells.content(r, idColumn), id -> new ArrayList<>()).add(r);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < filledRows.size(); i++) {
            FilledTable.Row row = filledRows.get(i);
            List<Integer> candidates = idColumn == null ? body : byId.getOrDefault(row.id(), List.of());
            for (int r : candidates) {
                int score = candidates.size() == 1 && idColumn != null ? Integer.MAX_VALUE : figuresKept(row, r);
                pairs.add(new Pair(row, i, r, score, Math.abs(r - (row.row() + shift))));
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::score).reversed().thenComparingInt(Pair::distance)
                .thenComparingInt(Pair::order).thenComparingInt(Pair::now));
        for (Pair p : pairs) {
            if (!rowOfKey.containsKey(p.row().key()) && !keyAtRow.containsKey(p.now())) {
                pair(p.row().key(), p.now());
            }
        }
    }

    private void pair(String key, int row) {
        rowOfKey.put(key, row);
        keyAtRow.put(row, key);
    }

    /** How many of the row's filled figures and comments the body row still holds. */
    private int figuresKept(FilledTable.Row row, int now) {
        int kept = 0;
        for (Map.Entry<String, CellProvenance> cell : row.cells().entrySet()) {
            CellProvenance p = cell.getValue();
            Integer column = column(cell.getKey());
            if (p.kind() != CellProvenance.Kind.FORMULA && column != null) {
                String filledText = p.value() != null ? p.value() : p.status();
                if (cells.content(now, column).equals(filledText)) {
                    kept++;
                }
            }
        }
        return kept;
    }
}

package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The cells kept from one sheet (the ones that matter to the read-back), by row and column (both counted from 0). */
final class SheetCells {
    final String sheet;
    private final NavigableMap<Integer, List<SheetCell>> rows = new TreeMap<>();
    private boolean sorted = true;

    SheetCells(String sheet) {
        this.sheet = sheet;
    }

    void put(int row, SheetCell cell) {
        List<SheetCell> cells = rows.computeIfAbsent(row, r -> new ArrayList<>());
        if (!cells.isEmpty() && cells.get(cells.size() - 1).column() >= cell.column()) {
            sorted = false;
        }
        cells.add(cell);
    }

    /** Called once all cells are in: a file may list a row's cells in any order, and the last of a repeated one counts. */
    void seal() {
        if (sorted) {
            return;
        }
        for (Map.Entry<Integer, List<SheetCell>> row : rows.entrySet()) {
            List<SheetCell> cells = row.getValue();
            cells.sort(Comparator.comparingInt(SheetCell::column));
            List<SheetCell> unique = new ArrayList<>(cells.size());
            for (SheetCell c : cells) {
                if (!unique.isEmpty() && unique.get(unique.size() - 1).column() == c.column()) {
                    unique.set(unique.size() - 1, c);
                } else {
                    unique.add(c);
                }
            }
            row.setValue(unique);
        }
        sorted = true;
    }

    /** The cell, or null when the sheet holds nothing there. */
    SheetCell get(int row, int column) {
        List<SheetCell> cells = rows.get(row);
        if (cells == null) {
            return null;
        }
        int low = 0;
        int high = cells.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = cells.get(mid).column();
            if (c < column) {
                low = mid + 1;
            } else if (c > column) {
                high = mid - 1;
            } else {
                return cells.get(mid);
            }
        }
        return null;
    }

    /** The cell's content as text ("" when empty); a formula as "=…". */
    String content(int row, int column) {
        SheetCell cell = get(row, column);
        return cell == null ? "" : cell.content();
    }

    /** The rows that hold a kept cell, in order. */
    Iterable<Integer> rowNumbers() {
        return rows.keySet();
    }

    int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }
}

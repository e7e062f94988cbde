package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The cells kept from one sheet (the ones that matter to the read-back), by row and column (both counted from 0). Rows
 * are kept in arrays, searched by halving: a sheet lists its rows in order, and a read-back looks up every mapped cell.
 */
final class SheetCells {
    final String sheet;
    private int[] rows = new int[64];
    private List<SheetCell>[] cells = newRows(64);
    private int count;
    private boolean sorted = true;

    SheetCells(String sheet) {
        this.sheet = sheet;
    }

    @SuppressWarnings("unchecked")
    private static List<SheetCell>[] newRows(int n) {
        return (List<SheetCell>[]) new List<?>[n];
    }

    void put(int row, SheetCell cell) {
        if (count == 0 || rows[count - 1] != row) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
                cells = Arrays.copyOf(cells, count * 2);
            }
            if (count > 0 && rows[count - 1] > row) {
                sorted = false;
            }
            rows[count] = row;
            cells[count++] = new ArrayList<>();
        }
        List<SheetCell> inRow = cells[count - 1];
        if (!inRow.isEmpty() && inRow.get(inRow.size() - 1).column() >= cell.column()) {
            sorted = false;
        }
        inRow.add(cell);
    }

    /**
     * Called once all cells are in: a file may list its rows and a row's cells in any order, and may repeat one; the
     * last of a repeated cell counts, as in a spreadsheet program that reads the file from the top.
     */
    void seal() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // stable: of the pieces of a row listed twice, the later one's cells come later
        Arrays.sort(order, Comparator.comparingInt(i -> rows[i]));
        int[] sortedRows = new int[count];
        List<SheetCell>[] sortedCells = newRows(count);
        int n = 0;
        for (int i : order) {
            if (n > 0 && sortedRows[n - 1] == rows[i]) {
                sortedCells[n - 1].addAll(cells[i]);
            } else {
                sortedRows[n] = rows[i];
                sortedCells[n++] = new ArrayList<>(cells[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            List<SheetCell> row = sortedCells[i];
            row.sort(Comparator.comparingInt(SheetCell::column));
            List<SheetCell> unique = new ArrayList<>(row.size());
            for (SheetCell c : row) {
                if (!unique.isEmpty() && unique.get(unique.size() - 1).column() == c.column()) {
                    unique.set(unique.size() - 1, c);
                } else {
                    unique.add(c);
                }
            }
            sortedCells[i] = unique;
        }
        rows = sortedRows;
        cells = sortedCells;
        count = n;
        sorted = true;
    }

    /** The cell, or null when the sheet holds nothing there. */
    SheetCell get(int row, int column) {
        int r = Arrays.binarySearch(rows, 0, count, row);
        if (r < 0) {
            return null;
        }
        List<SheetCell> cells = this.cells[r];
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
    int[] rowNumbers() {
        return Arrays.copyOf(rows, count);
    }

    int lastRow() {
        return count == 0 ? -1 : rows[count - 1];
    }
}

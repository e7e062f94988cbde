package no.kostra.workbook.powerquery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table the service fills, as one flat table: the columns in the order a workbook shows them and one row per table
 * row. A cell is text, a number, or null (blank). Every row ends with the data revision it was read at
 * ({@link #REVISION}), so figures a refreshed workbook holds say which revision they came from.
 *
 * @param name the table's kind as the route names it: {@code profile}, {@code series}, {@code efficiency}, {@code splits}
 */
public record DataTable(String name, long dataRevision, List<DataColumn> columns, List<List<Object>> rows) {
    /** The last column of every data table. */
    public static final String REVISION = "Datarevisjon";

    public DataTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(columns.size() - 1).name().equals(REVISION)) {
            throw new IllegalArgumentException("A data table ends with the column " + REVISION + ", not " + columns);
        }
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + name + " has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)) {
                    throw new IllegalArgumentException("A cell of " + name + " holds " + cell.getClass().getSimpleName()
                            + "; a cell is text, a number or empty");
                }
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    /** The column of this stable name; fails naming the table when there is none. */
    public int column(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The table " + name + " has no column " + columnName);
    }
}

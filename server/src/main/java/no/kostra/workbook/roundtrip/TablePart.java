package no.kostra.workbook.roundtrip;

import java.util.List;
import java.util.Objects;

/**
 * A table as its part ({@code xl/tables/tableN.xml}) describes it: its name, the range its {@code ref} claims, how many
 * header and totals rows it has, and its columns' names in order from the range's first column.
 */
record TablePart(String name, String sheet, CellAddress first, CellAddress last, int headerRows, int totalsRows,
                 List<String> columns) {
    TablePart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sheet, "sheet");
        columns = List.copyOf(columns);
    }

    int firstColumn() {
        return first.column();
    }

    int lastColumn() {
        return first.column() + Math.max(columns.size(), last.column() - first.column() + 1) - 1;
    }
}

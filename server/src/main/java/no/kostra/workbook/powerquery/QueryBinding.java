package no.kostra.workbook.powerquery;

import java.util.List;
import java.util.Objects;

/**
 * A table's query as bound to the workbook: which of the route's columns it loads, in the table's order (the others
 * are the table's own: formulas, comments, an analyst's columns).
 *
 * @param rows the rows the table holds as filled
 */
record QueryBinding(TableQuery query, List<DataColumn> loaded, int rows) {
    QueryBinding {
        Objects.requireNonNull(query, "query");
        loaded = List.copyOf(loaded);
    }

    /** The columns' headers as the table shows them, in order. */
    List<String> headers() {
        return loaded.stream().map(DataColumn::header).toList();
    }
}
